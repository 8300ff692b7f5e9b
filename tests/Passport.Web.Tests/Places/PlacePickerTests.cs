using Passport.Domain.Places;
using Passport.Web.Shell;

namespace Passport.Web.Tests.Places;

/// <summary>The place picker finds a town of the catalogue by its name, so forms never ask for coordinates.</summary>
public sealed class PlacePickerTests
{
    private static readonly PlaceCatalog Catalog = new(
    [
        new Place("eindhoven", "NL", "Eindhoven", 51.4416, 5.4697),
        new Place("veldhoven", "NL", "Veldhoven", 51.4183, 5.4030),
        new Place("son", "NL", "Son en Breugel", 51.5130, 5.4900),
        new Place("den-bosch", "NL", "'s-Hertogenbosch", 51.6978, 5.3037),
        new Place("tromso", "NO", "Tromsø", 69.6492, 18.9553),
    ]);

    [Theory]
    [InlineData("Eindhoven", "Eindhoven")]
    [InlineData("  son en breugel ", "Son en Breugel")]
    [InlineData("'S-HERTOGENBOSCH", "'s-Hertogenbosch")]
    [InlineData("tromsø", "Tromsø")]
    public void Pick_ANameOfTheCatalogue_GivesThePlaceWithItsPoint(string typed, string expected)
    {
        var pick = PlacePicker.Pick(Catalog, typed, null, null);

        Assert.True(pick.Found);
        Assert.Equal(expected, pick.Place!.Name);
        var place = Catalog.All.Single(candidate => candidate.Name == expected);
        Assert.Equal((place.Latitude, place.Longitude), (pick.Place.Latitude, pick.Place.Longitude));
        Assert.Empty(pick.Matches);
    }

    [Fact]
    public void Pick_PartOfSomeNames_IsNotFoundAndOffersThoseNames()
    {
        var pick = PlacePicker.Pick(Catalog, "hoven", null, null);

        Assert.False(pick.Found);
        Assert.Equal(["Eindhoven", "Veldhoven"], pick.Matches.Select(place => place.Name));
    }

    [Fact]
    public void Pick_ANameNoPlaceHas_IsNotFoundAndOffersEveryPlace()
    {
        var pick = PlacePicker.Pick(Catalog, "Atlantis", null, null);

        Assert.False(pick.Found);
        Assert.Equal(Catalog.All, pick.Matches);
    }

    [Fact]
    public void Pick_Nothing_IsNotFoundWithoutMatches()
    {
        var pick = PlacePicker.Pick(Catalog, "  ", null, null);

        Assert.False(pick.Found);
        Assert.Empty(pick.Matches);
    }

    [Fact]
    public void Pick_AChoiceFromTheMatches_WinsOverTheTypedText()
    {
        var pick = PlacePicker.Pick(Catalog, "hoven", "veldhoven", null);

        Assert.Equal(new PickedPlace("Veldhoven", 51.4183, 5.4030), pick.Place);
    }

    [Fact]
    public void Pick_TheStoredNameLeftAsItWas_KeepsTheStoredPoint()
    {
        var stored = new PickedPlace("Eindhoven Strijp-S", 51.449, 5.457);

        Assert.Equal(stored, PlacePicker.Pick(Catalog, "Eindhoven Strijp-S", null, stored).Place);
        Assert.Equal("Eindhoven", PlacePicker.Pick(Catalog, "Eindhoven", null, stored).Place!.Name);
    }
}
