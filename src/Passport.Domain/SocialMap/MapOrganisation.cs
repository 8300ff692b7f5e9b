namespace Passport.Domain.SocialMap;

/// <summary>
/// One organisation on a municipality's social map, as stored. <see cref="Listed"/> says it agreed to be listed; only
/// listed ones show to young people or can be referred to. <see cref="PlaceId"/> is a place of <c>content/places</c>;
/// languages are ISO 639 codes (<c>nl</c>, <c>ar</c>, <c>tr</c>).
/// </summary>
public sealed record MapOrganisation(
    Guid Id,
    Guid MunicipalityId,
    string Name,
    SocialMapKind Kind,
    string PlaceId,
    IReadOnlyList<SocialMapOffer> Offers,
    IReadOnlyList<string> Languages,
    string? OpeningTimes,
    string? Phone,
    string? Email,
    string? Website,
    bool Listed,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
