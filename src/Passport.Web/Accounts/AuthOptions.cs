using System.ComponentModel.DataAnnotations;

namespace Passport.Web.Accounts;

/// <summary>Configuration section <c>Auth</c>: API bearer tokens and sign-in lockout.</summary>
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

    [Range(1, 100)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public byte[]? SigningKeyBytes() => string.IsNullOrWhiteSpace(SigningKey) ? null : Convert.FromBase64String(SigningKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
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
