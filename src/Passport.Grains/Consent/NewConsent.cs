using System.Collections.Immutable;
using Passport.Domain.Consent;

namespace Passport.Grains.Consent;

/// <summary>A consent that passed <see cref="ConsentRules"/>, to grant or to request.</summary>
[GenerateSerializer, Immutable]
public sealed record NewConsent(
    [property: Id(0)] AudienceKind AudienceKind,
    [property: Id(1)] Guid? AudienceOrganisationId,
    [property: Id(2)] string? AudienceSector,
    [property: Id(3)] ImmutableArray<DataCategory> Categories,
    [property: Id(4)] string Purpose,
    [property: Id(5)] DateTimeOffset? ExpiresAt)
{
    public static NewConsent From(ConsentDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(draft.Audience.Kind, draft.Audience.OrganisationId, draft.Audience.Sector, [.. draft.Categories], draft.Purpose, draft.ExpiresAt);
    }

    public ConsentDraft ToDraft() => new(new ConsentAudience(AudienceKind, AudienceOrganisationId, AudienceSector), Categories, Purpose, ExpiresAt);
}
