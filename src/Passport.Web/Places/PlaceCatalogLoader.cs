using Passport.Domain.Places;
using Passport.Web.Hosting;

namespace Passport.Web.Places;

/// <summary>Reads <c>content/places/places.json</c> into the catalogue.</summary>
public static class PlaceCatalogLoader
{
    public static PlaceCatalog Load(ContentOptions content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.ReadJson<PlacesFile, PlaceCatalog>(
            file => new PlaceCatalog(file.Places.Select(place => new Place(place.Id, place.Country, place.Name, place.Latitude, place.Longitude, place.District))),
            "places", "places.json");
    }

    private sealed record PlacesFile(IReadOnlyList<PlaceEntry> Places);

    private sealed record PlaceEntry(string Id, string Country, string Name, double Latitude, double Longitude, string? District = null);
}
