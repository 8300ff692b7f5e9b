using Passport.Domain.Organisations;

namespace Passport.Domain.Consent;

/// <summary>The receiving side of a consent.</summary>
public sealed record ConsentAudience(AudienceKind Kind, Guid? OrganisationId, string? Sector)
{
    public static ConsentAudience Organisation(Guid organisationId) => new(AudienceKind.Organisation, organisationId, null);

    public static ConsentAudience EmployersInSector(string sector) => new(AudienceKind.Sector, null, sector);

    public static ConsentAudience AllEducationPartners { get; } = new(AudienceKind.AllEducationPartners, null, null);

    /// <summary>Whether staff of this organisation belong to the audience.</summary>
    public bool Includes(AudienceMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Kind switch
        {
            AudienceKind.Organisation => OrganisationId == member.OrganisationId,
            AudienceKind.Sector => member.Kind == OrganisationKind.Employer && string.Equals(Sector, member.Sector, StringComparison.Ordinal),
            AudienceKind.AllEducationPartners => member.Kind == OrganisationKind.EducationProvider,
            _ => false,
        };
    }
}

/// <summary>What the gate knows of the organisation a reader acts for.</summary>
public sealed record AudienceMember(Guid OrganisationId, OrganisationKind Kind, string? Sector);
