using Passport.Domain.Organisations;

namespace Passport.Data.Organisations;

/// <summary>An organisation row: an employer, an education provider or a municipality.</summary>
public sealed record Organisation(
    Guid Id,
    OrganisationKind Kind,
    string Name,
    string? Sector,
    string? Place,
    string? Website,
    string? Description,
    bool IsDemo,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
