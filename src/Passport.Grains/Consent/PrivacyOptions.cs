using System.ComponentModel.DataAnnotations;

namespace Passport.Grains.Consent;

/// <summary>Configuration section <c>Privacy</c>: who answers for the data, and the rules that differ per country.</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>The data controller named in every consent record: the organisation that runs this platform.</summary>
    [Required]
    public string Controller { get; set; } = "Passport";

    /// <summary>Where the privacy notice is; consent records point to it.</summary>
    [Required]
    public string Notice { get; set; } = "/privacy";

    /// <summary>The law the consents are given under.</summary>
    [Required]
    public string Jurisdiction { get; set; } = "EU";

    /// <summary>The country (ISO 3166-1 alpha-2) whose digital consent age applies to this deployment's users.</summary>
    [Required]
    public string Country { get; set; } = "NL";

    /// <summary>
    /// GDPR Art. 8 digital consent age per country: below it, sharing with employers needs a guardian's consent
    /// confirmed by a coach. Denmark lowered its age to 15 in 2024; the Netherlands keep 16; Norway has 13.
    /// </summary>
    public Dictionary<string, int> DigitalConsentAges { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DK"] = 15,
        ["NL"] = 16,
        ["NO"] = 13,
    };

    /// <summary>The digital consent age of <see cref="Country"/>; GDPR's default of 16 when the country is not listed.</summary>
    public int DigitalConsentAge => DigitalConsentAges.TryGetValue(Country, out var age) ? age : 16;
}
