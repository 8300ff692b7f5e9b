using Passport.Domain.Consent;
using Passport.Domain.Organisations;

namespace Passport.Domain.Tests.Consent;

public sealed class DigitalConsentAgeTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData(2011, 15, true)] // 14 or 15 today: may still be 14
    [InlineData(2010, 15, false)] // 15 or 16: at least 15
    [InlineData(2010, 16, true)] // Netherlands: may be 15
    [InlineData(2012, 13, false)] // Norway: 13 or 14
    [InlineData(2013, 13, true)] // 12 or 13
    public void MayBeBelow_ByBirthYear_CountsTheYoungerPossibleAge(int birthYear, int consentAge, bool below) =>
        Assert.Equal(below, DigitalConsentAge.MayBeBelow(birthYear, consentAge, Today));

    [Fact]
    public void MayBeBelow_NoBirthYear_IsFalse() => Assert.False(DigitalConsentAge.MayBeBelow(null, 16, Today));

    [Fact]
    public void ReachesEmployers_ByAudience()
    {
        Assert.True(DigitalConsentAge.ReachesEmployers(ConsentAudience.EmployersInSector("healthcare"), null));
        Assert.True(DigitalConsentAge.ReachesEmployers(ConsentAudience.Organisation(Guid.NewGuid()), OrganisationKind.Employer));
        Assert.False(DigitalConsentAge.ReachesEmployers(ConsentAudience.Organisation(Guid.NewGuid()), OrganisationKind.Municipality));
        Assert.False(DigitalConsentAge.ReachesEmployers(ConsentAudience.AllEducationPartners, null));
    }
}
