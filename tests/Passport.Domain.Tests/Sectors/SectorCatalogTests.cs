using Passport.Domain.Sectors;

namespace Passport.Domain.Tests.Sectors;

public sealed class SectorCatalogTests
{
    [Fact]
    public void Constructor_SectorWithoutNorwegianName_ThrowsNamingTheSectorAndLanguage()
    {
        var sector = new Sector("ict", new Dictionary<string, string> { ["en"] = "ICT", ["nl"] = "ICT", ["da"] = "IT" });

        var error = Assert.Throws<ArgumentException>(() => new SectorCatalog([sector]));

        Assert.Contains("'ict'", error.Message, StringComparison.Ordinal);
        Assert.Contains("nb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SameIdTwice_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => TestSectors.Catalog("ict", "ict"));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsKnown_ListedAndUnlistedIds_TellThemApart()
    {
        var catalog = TestSectors.Catalog("ict", "logistics");

        Assert.True(catalog.IsKnown("ict"));
        Assert.False(catalog.IsKnown("ICT"));
        Assert.False(catalog.IsKnown(null));
    }

    [Fact]
    public void NameIn_UnknownLanguage_FallsBackToEnglish()
    {
        var sector = new Sector("ict", new Dictionary<string, string> { ["en"] = "ICT", ["nl"] = "ICT-sector", ["da"] = "IT", ["nb"] = "IKT" });

        Assert.Equal("IKT", sector.NameIn("nb"));
        Assert.Equal("ICT", sector.NameIn("fr"));
    }
}
