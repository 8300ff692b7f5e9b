using Passport.Domain.Insights;
using Passport.Domain.SocialMap;

namespace Passport.Application.SocialMap;

/// <summary>A map organisation with its place's name and district (the place's name while places have no districts) and, near a place, how far.</summary>
public sealed record MapEntry(MapOrganisation Organisation, string PlaceName, string District, double? DistanceKm);

/// <summary>
/// What referrals to one organisation came to, as it may leave the platform: young people referred (who agreed), and
/// of them who went, stayed and were helped, each suppressed below five and rounded like every count of people
/// (<see cref="PeopleCount"/>).
/// </summary>
public sealed record MapImpact(PeopleCount Referred, PeopleCount Went, PeopleCount Stayed, PeopleCount Helped);

/// <summary>A municipality's own entry with its reach and impact.</summary>
public sealed record CuratedEntry(MapEntry Entry, MapImpact Impact);
