using Passport.Domain.Accounts;
using Passport.Domain.Organisations;

namespace Passport.Domain.Tests.Accounts;

public sealed class RolesTests
{
    [Fact]
    public void StaffRole_EachOrganisationKind_MapsToItsOwnStaffRole()
    {
        var roles = Enum.GetValues<OrganisationKind>().Select(kind => kind.StaffRole()).ToList();

        Assert.Equal([Roles.Employer, Roles.EducationPartner, Roles.Coach], roles);
        Assert.All(roles, role => Assert.Contains(role, Roles.Staff));
    }

    [Fact]
    public void IsKnown_RoleNamesAreCaseSensitive()
    {
        Assert.True(Roles.IsKnown("JobSeeker"));
        Assert.False(Roles.IsKnown("jobseeker"));
    }
}
