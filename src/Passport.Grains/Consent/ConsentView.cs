using System.Collections.Immutable;
using Passport.Domain.Consent;

namespace Passport.Grains.Consent;

/// <summary>A consent as it crosses grain boundaries, for its owner's lists and the staff side.</summary>
[GenerateSerializer, Immutable]
public sealed record ConsentView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] AudienceKind AudienceKind,
    [property: Id(2)] Guid? AudienceOrganisationId,
    [property: Id(3)] string? AudienceOrganisationName,
    [property: Id(4)] string? AudienceSector,
    [property: Id(5)] ImmutableArray<DataCategory> Categories,
    [property: Id(6)] string Purpose,
    [property: Id(7)] ConsentStatus Status,
    [property: Id(8)] Guid? RequestedByUserId,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset? DecidedAt,
    [property: Id(11)] DateTimeOffset? ExpiresAt,
    [property: Id(12)] DateTimeOffset? ClosedAt);
