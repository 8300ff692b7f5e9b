using System.ComponentModel.DataAnnotations;

namespace Passport.Web.Accounts;

/// <summary>
/// Configuration section <c>Auth</c>: API bearer tokens and page sessions. The sign-in lockout of the same section is
/// the application layer's (<see cref="SignInLockoutOptions"/>).
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "Auth";
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>
    /// Base64 key that signs API tokens (HS256). Optional: without it a key is generated once and kept in the
    /// database, shared by all hosts. Set it in production so it lives with the other secrets.
    /// </summary>
    public string? SigningKey { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string Issuer { get; set; } = "passport";

    [Required(AllowEmptyStrings = false)]
    public string Audience { get; set; } = "passport-api";

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a host may trust what it last read of an account's security stamp. Signing out, a password change,
    /// erasure and deactivation change the stamp; this host sees it at once, other hosts within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// While the database cannot be reached, a host keeps accepting a cookie or token whose stamp it read this long
    /// ago at most (counted from that read), so a short outage does not end every session. A change made on this host
    /// is never covered by it, and a change made elsewhere just before the outage is seen within this time, as
    /// with <see cref="SessionCheckInterval"/>. Past it, requests answer 503 until the database is back.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SessionOutageGrace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A page session ends after this long without a request (the cookie slides while in use).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan CookieIdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A page session ends this long after signing in, however active it is.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan CookieAbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    public byte[]? SigningKeyBytes() => string.IsNullOrWhiteSpace(SigningKey) ? null : Convert.FromBase64String(SigningKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CookieAbsoluteLifetime < CookieIdleTimeout)
        {
            yield return new ValidationResult(
                "Auth:CookieAbsoluteLifetime must be at least Auth:CookieIdleTimeout.", [nameof(CookieAbsoluteLifetime), nameof(CookieIdleTimeout)]);
        }

        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            yield break;
        }

        var bytes = new byte[SigningKey.Length];
        if (!Convert.TryFromBase64String(SigningKey, bytes, out var length))
        {
            yield return new ValidationResult("Auth:SigningKey is not valid base64.", [nameof(SigningKey)]);
        }
        else if (length < MinimumSigningKeyBytes)
        {
            yield return new ValidationResult($"Auth:SigningKey must hold at least {MinimumSigningKeyBytes} bytes; it holds {length}.", [nameof(SigningKey)]);
        }
    }
}
