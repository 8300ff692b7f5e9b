using Passport.Data.Organisations;
using Passport.Domain.Organisations;

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

/// <summary>
/// An organisation's fields as a request sends them. An administrator sets them all; staff set place, website and
/// description, and may send kind, name and sector back only as they read them.
/// </summary>
public sealed record OrganisationRequest(string? Kind, string? Name, string? Sector, string? Place, string? Website, string? Description)
{
    public OrganisationProfile ToProfile() => new(Name?.Trim(), Blank(Sector), Blank(Place), Blank(Website), Blank(Description));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
