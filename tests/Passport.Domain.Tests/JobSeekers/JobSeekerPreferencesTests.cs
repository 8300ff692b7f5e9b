using Passport.Domain.JobSeekers;
using Passport.Domain.Tests.Sectors;

namespace Passport.Domain.Tests.JobSeekers;

public sealed class JobSeekerPreferencesTests
{
    private static readonly Passport.Domain.Sectors.SectorCatalog Catalog = TestSectors.Catalog("a", "b", "c", "d", "e", "f");

    private static IEnumerable<string> Codes(JobSeekerPreferences preferences) =>
        preferences.Validate(Catalog).Errors.Select(error => $"{error.Field}:{error.Code}");

    [Fact]
    public void Validate_None_IsValid()
    {
        Assert.Empty(Codes(JobSeekerPreferences.None));
    }

    [Fact]
    public void Validate_UnknownSector_NamesIt()
    {
        var error = Assert.Single(new JobSeekerPreferences(["a", "zz"], 20).Validate(Catalog).Errors);

        Assert.Equal("Sectors.Unknown", error.Code);
        Assert.Equal(["zz"], error.Arguments);
    }

    [Fact]
    public void Validate_MoreThanFiveSectors_IsTooMany()
    {
        Assert.Equal(["sectors:Sectors.TooMany"], Codes(new JobSeekerPreferences(["a", "b", "c", "d", "e", "f"], null)));
    }

    [Fact]
    public void Validate_SameSectorTwice_IsDuplicate()
    {
        Assert.Equal(["sectors:Sectors.Duplicate"], Codes(new JobSeekerPreferences(["a", "a"], null)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(48, true)]
    [InlineData(49, false)]
    public void Validate_HoursPerWeek_MustBeWithinWorkingTimeDirective(int hours, bool valid)
    {
        Assert.Equal(valid, new JobSeekerPreferences([], hours).Validate(Catalog).IsValid);
    }
}
