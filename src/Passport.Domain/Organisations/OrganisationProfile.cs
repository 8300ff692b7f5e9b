using Passport.Domain.Sectors;
using Passport.Domain.Validation;

namespace Passport.Domain.Organisations;

/// <summary>The public face of an organisation, edited by its own staff.</summary>
public sealed record OrganisationProfile(string? Name, string? Sector, string? Place, string? Website, string? Description)
{
    public const int NameMaxLength = 120;
    public const int PlaceMaxLength = 120;
    public const int WebsiteMaxLength = 300;
    public const int DescriptionMaxLength = 2000;

    public ValidationErrors Validate(SectorCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("name", "OrganisationName.Required");
        }
        else if (Name.Trim().Length > NameMaxLength)
        {
            errors.Add("name", "OrganisationName.TooLong", NameMaxLength);
        }

        if (Sector is not null && !catalog.IsKnown(Sector))
        {
            errors.Add("sector", "Sectors.Unknown", Sector);
        }

        if (Place?.Trim().Length > PlaceMaxLength)
        {
            errors.Add("place", "Place.TooLong", PlaceMaxLength);
        }

        if (!string.IsNullOrWhiteSpace(Website)
            && (Website.Length > WebsiteMaxLength
                || !Uri.TryCreate(Website, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add("website", "Website.Invalid");
        }

        if (Description?.Length > DescriptionMaxLength)
        {
            errors.Add("description", "Description.TooLong", DescriptionMaxLength);
        }

        return errors;
    }
}
