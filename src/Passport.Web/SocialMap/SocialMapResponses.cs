using Passport.Application.Insights;
using Passport.Application.SocialMap;
using Passport.Domain.SocialMap;

namespace Passport.Web.SocialMap;

/// <summary>
/// A map organisation as the API shows it: kind and offers by their stable ids, the place with its district, languages
/// as ISO 639 codes; <c>distanceKm</c> from the place asked about (null when there was none).
/// </summary>
public sealed record MapOrganisationResponse(
    Guid Id,
    string Name,
    string Kind,
    MapPlaceResponse Place,
    IReadOnlyList<string> Offers,
    IReadOnlyList<string> Languages,
    string? OpeningTimes,
    MapContactResponse Contact,
    bool Listed,
    double? DistanceKm)
{
    public static MapOrganisationResponse From(MapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var organisation = entry.Organisation;
        return new(
            organisation.Id, organisation.Name, SocialMapNames.Name(organisation.Kind),
            new MapPlaceResponse(organisation.PlaceId, entry.PlaceName, entry.District),
            [.. organisation.Offers.Select(SocialMapNames.Name)], organisation.Languages, organisation.OpeningTimes,
            new MapContactResponse(organisation.Phone, organisation.Email, organisation.Website), organisation.Listed, entry.DistanceKm);
    }
}

public sealed record MapPlaceResponse(string Id, string Name, string District);

public sealed record MapContactResponse(string? Phone, string? Email, string? Website);

/// <summary>A municipality's own entry with its reach and impact: counts of young people, suppressed below five (<c>label</c> "&lt;5") and rounded to five.</summary>
public sealed record CuratedOrganisationResponse(MapOrganisationResponse Organisation, MapImpactResponse Impact)
{
    public static CuratedOrganisationResponse From(CuratedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var impact = entry.Impact;
        return new(
            MapOrganisationResponse.From(entry.Entry),
            new MapImpactResponse(
                PeopleCountResponse.From(impact.Referred), PeopleCountResponse.From(impact.Went),
                PeopleCountResponse.From(impact.Stayed), PeopleCountResponse.From(impact.Helped)));
    }
}

public sealed record MapImpactResponse(PeopleCountResponse Referred, PeopleCountResponse Went, PeopleCountResponse Stayed, PeopleCountResponse Helped);
