using Passport.Domain.Consent;

namespace Passport.Application.Plans;

/// <summary>
/// One of a young person's contact persons: who, for which organisation, since when, how to reach them, and what
/// they may see (the categories the person shares with that organisation now).
/// </summary>
public sealed record MyContactPerson(
    Guid UserId,
    string Name,
    string Role,
    Guid OrganisationId,
    string OrganisationName,
    DateTimeOffset Since,
    string Email,
    string? Place,
    string? Website,
    IReadOnlyList<DataCategory> MaySee);
