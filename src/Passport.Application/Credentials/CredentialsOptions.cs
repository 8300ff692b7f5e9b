using System.ComponentModel.DataAnnotations;

namespace Passport.Application.Credentials;

/// <summary>Configuration section <c>Credentials</c>: the issuer's keys and how the issuer names itself.</summary>
public sealed class CredentialsOptions : IValidatableObject
{
    public const string SectionName = "Credentials";

    /// <summary>
    /// Directory of the issuer's private keys (one JWK file each), relative to the working directory like the
    /// SQLite file. Kept outside the database; hosts of one deployment share it.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string KeyDirectory { get; set; } = Path.Combine("data", "keys");

    /// <summary>
    /// The issuer's public base address (e.g. <c>https://passport.example.org/</c>): issuer id, status lists and
    /// achievements are published under it. Required (https) outside Development; in Development it defaults to the
    /// host's own configured address. Never taken from a request.
    /// </summary>
    public Uri? IssuerUrl { get; set; }

    /// <summary>The issuer's name in credentials and its profile.</summary>
    [Required(AllowEmptyStrings = false)]
    public string IssuerName { get; set; } = "Passport";

    /// <summary>How long verifiers may cache a status list; short, so a revocation is seen soon.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan StatusListMaxAge { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IssuerUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment)))
        {
            yield return new ValidationResult(
                $"{SectionName}:IssuerUrl '{url}' must be an absolute http(s) address without query or fragment.", [nameof(IssuerUrl)]);
        }
    }
}
