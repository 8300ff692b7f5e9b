using System.Net.Mail;
using Passport.Domain.Places;
using Passport.Domain.Validation;

namespace Passport.Domain.SocialMap;

/// <summary>
/// A map entry as a municipality's staff write it: kind and offers by their stable ids, a place of the catalogue.
/// <see cref="Validate"/> checks it and, when valid, gives the entry's parsed values.
/// </summary>
public sealed record MapOrganisationDraft(
    string? Name,
    string? Kind,
    string? PlaceId,
    IReadOnlyList<string>? Offers,
    IReadOnlyList<string>? Languages,
    string? OpeningTimes,
    string? Phone,
    string? Email,
    string? Website,
    bool Listed)
{
    public const int NameMaxLength = 120;
    public const int OpeningTimesMaxLength = 300;
    public const int PhoneMaxLength = 30;
    public const int EmailMaxLength = 254;
    public const int WebsiteMaxLength = 300;
    public const int MaxLanguages = 12;

    /// <summary>The broken rules, and the values when there are none.</summary>
    public (ValidationErrors Errors, MapOrganisationValues? Values) Validate(PlaceCatalog places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var errors = new ValidationErrors();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("name", "SocialMap.Name.Required");
        }
        else if (name.Length > NameMaxLength)
        {
            errors.Add("name", "SocialMap.Name.TooLong", NameMaxLength);
        }

        if (!SocialMapNames.TryParse<SocialMapKind>(Kind, out var kind))
        {
            errors.Add("kind", "SocialMap.Kind.Unknown", Kind ?? "");
        }

        if (!places.IsKnown(PlaceId))
        {
            errors.Add("placeId", "SocialMap.Place.Unknown", PlaceId ?? "");
        }

        var offers = new List<SocialMapOffer>();
        foreach (var offer in Offers ?? [])
        {
            if (!SocialMapNames.TryParse<SocialMapOffer>(offer, out var parsed))
            {
                errors.Add("offers", "SocialMap.Offer.Unknown", offer ?? "");
            }
            else if (!offers.Contains(parsed))
            {
                offers.Add(parsed);
            }
        }

        if (offers.Count == 0 && errors.Errors.All(error => error.Field != "offers"))
        {
            errors.Add("offers", "SocialMap.Offer.Required");
        }

        var languages = (Languages ?? []).Select(language => language?.Trim().ToLowerInvariant() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (languages.Count > MaxLanguages || languages.Any(language => language.Length is < 2 or > 3 || !language.All(char.IsAsciiLetterLower)))
        {
            errors.Add("languages", "SocialMap.Languages.Invalid", MaxLanguages);
        }

        if (Clean(OpeningTimes)?.Length > OpeningTimesMaxLength)
        {
            errors.Add("openingTimes", "SocialMap.OpeningTimes.TooLong", OpeningTimesMaxLength);
        }

        var phone = Clean(Phone);
        if (phone is not null && (phone.Length > PhoneMaxLength || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
        {
            errors.Add("phone", "SocialMap.Phone.Invalid");
        }

        var email = Clean(Email);
        if (email is not null && (email.Length > EmailMaxLength || !MailAddress.TryCreate(email, out var address) || address.Address != email))
        {
            errors.Add("email", "SocialMap.Email.Invalid");
        }

        var website = Clean(Website);
        if (website is not null
            && (website.Length > WebsiteMaxLength
                || !Uri.TryCreate(website, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add("website", "Website.Invalid");
        }

        return errors.IsValid
            ? (errors, new MapOrganisationValues(name!, kind, PlaceId!, offers, languages, Clean(OpeningTimes), phone, email, website, Listed))
            : (errors, null);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A checked map entry's values, ready to store.</summary>
public sealed record MapOrganisationValues(
    string Name,
    SocialMapKind Kind,
    string PlaceId,
    IReadOnlyList<SocialMapOffer> Offers,
    IReadOnlyList<string> Languages,
    string? OpeningTimes,
    string? Phone,
    string? Email,
    string? Website,
    bool Listed);
