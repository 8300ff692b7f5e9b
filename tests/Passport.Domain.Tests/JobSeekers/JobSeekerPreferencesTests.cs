using Passport.Domain.JobSeekers;
using Passport.Domain.Places;
using Passport.Domain.Tests.Sectors;

namespace Passport.Domain.Tests.JobSeekers;

public sealed class JobSeekerPreferencesTests
{
    private static readonly Passport.Domain.Sectors.SectorCatalog Catalog = TestSectors.Catalog("a", "b", "c", "d", "e", "f");

    private static readonly PlaceCatalog Places = new([
        new Place("eindhoven", "NL", "Eindhoven", 51.4416, 5.4697),
        new Place("aarhus", "DK", "Aarhus", 56.1567, 10.2108),
    ]);

    private static IEnumerable<string> Codes(JobSeekerPreferences preferences) =>
        preferences.Validate(Catalog, Places).Errors.Select(error => $"{error.Field}:{error.Code}");

    [Fact]
    public void Validate_None_IsValid()
    {
        Assert.Empty(Codes(JobSeekerPreferences.None));
    }

    [Fact]
    public void None_HasNoPlaceAndIsNotOpenToMatching()
    {
        Assert.Null(JobSeekerPreferences.None.HomePlace);
        Assert.False(JobSeekerPreferences.None.OpenToMatching);
    }

    [Fact]
    public void Validate_UnknownSector_NamesIt()
    {
        var error = Assert.Single(new JobSeekerPreferences(["a", "zz"], 20).Validate(Catalog, Places).Errors);

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
        Assert.Equal(valid, new JobSeekerPreferences([], hours).Validate(Catalog, Places).IsValid);
    }

    [Theory]
    [InlineData("eindhoven", true)]
    [InlineData("eindhoven", false)]
    [InlineData("aarhus", true)]
    public void Validate_KnownHomePlace_IsValid(string place, bool open)
    {
        Assert.Empty(Codes(new JobSeekerPreferences(["a"], 24, place, open)));
    }

    [Fact]
    public void Validate_NoHomePlaceButOpenToMatching_IsValid()
    {
        Assert.Empty(Codes(new JobSeekerPreferences([], null, null, OpenToMatching: true)));
    }

    [Theory]
    [InlineData("atlantis")]
    [InlineData("Eindhoven")]
    [InlineData("")]
    public void Validate_UnknownHomePlace_NamesIt(string place)
    {
        var error = Assert.Single(new JobSeekerPreferences([], null, place, OpenToMatching: true).Validate(Catalog, Places).Errors);

        Assert.Equal("homePlace", error.Field);
        Assert.Equal("HomePlace.Unknown", error.Code);
        Assert.Equal([place], error.Arguments);
    }
}
