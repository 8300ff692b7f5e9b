using Passport.Domain.Accounts;

namespace Passport.Domain.Organisations;

/// <summary>The kinds of organisation that take part; each has one staff role.</summary>
public enum OrganisationKind
{
    Employer,
    EducationProvider,
    Municipality,
}

public static class OrganisationKinds
{
    /// <summary>The role a staff member of an organisation of this kind holds.</summary>
    public static string StaffRole(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.Employer => Roles.Employer,
        OrganisationKind.EducationProvider => Roles.EducationPartner,
        OrganisationKind.Municipality => Roles.Coach,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown organisation kind."),
    };
}
