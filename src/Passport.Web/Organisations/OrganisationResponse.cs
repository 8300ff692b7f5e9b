using Passport.Data.Organisations;

namespace Passport.Web.Organisations;

public sealed record OrganisationResponse(Guid Id, string Kind, string Name, string? Sector, string? Place, string? Website, string? Description)
{
    public static OrganisationResponse From(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new(organisation.Id, organisation.Kind.ToString(), organisation.Name, organisation.Sector, organisation.Place,
            organisation.Website, organisation.Description);
    }
}

/// <summary>The editable fields of an organisation's profile.</summary>
public sealed record OrganisationProfileRequest(string? Name, string? Sector, string? Place, string? Website, string? Description)
{
    public Domain.Organisations.OrganisationProfile ToProfile() => new(
        Name?.Trim(), Blank(Sector), Blank(Place), Blank(Website), Blank(Description));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
