using Passport.Domain.Pathways;

namespace Passport.Grains.Pathways;

/// <summary>A stored pathway with its provider and status.</summary>
[GenerateSerializer, Immutable]
public sealed record PathwayView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganisationId,
    [property: Id(2)] string OrganisationName,
    [property: Id(3)] PathwayStatus Status,
    [property: Id(4)] PathwayContent Content,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt);
