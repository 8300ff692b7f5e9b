using Passport.Domain.Consent;
using Passport.Domain.Organisations;

namespace Passport.Grains.Consent;

/// <summary>The organisation a reader acts for, as the consent grain needs it to match audiences.</summary>
[GenerateSerializer, Immutable]
public sealed record ReaderOrganisation(
    [property: Id(0)] Guid OrganisationId,
    [property: Id(1)] OrganisationKind Kind,
    [property: Id(2)] string? Sector)
{
    public AudienceMember ToMember() => new(OrganisationId, Kind, Sector);
}
