namespace Passport.Domain.Places;

/// <summary>
/// The towns of <c>content/places</c>. A job seeker picks one instead of giving an address, so matching can weigh
/// travel distance while knowing no more of where someone lives than the town.
/// </summary>
public sealed class PlaceCatalog
{
    private readonly Dictionary<string, Place> _byId;

    public PlaceCatalog(IEnumerable<Place> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        All = [.. places.OrderBy(place => place.Country, StringComparer.Ordinal).ThenBy(place => place.Name, StringComparer.CurrentCulture)];
        _byId = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var place in All)
        {
            if (string.IsNullOrWhiteSpace(place.Id) || string.IsNullOrWhiteSpace(place.Name))
            {
                throw new ArgumentException("Every place needs an id and a name.", nameof(places));
            }

            if (place.District is { } district && string.IsNullOrWhiteSpace(district))
            {
                throw new ArgumentException($"Place '{place.Id}' has an empty district; leave it out to make the place its own district.", nameof(places));
            }

            if (place.Latitude is < -90 or > 90 || place.Longitude is < -180 or > 180)
            {
                throw new ArgumentException($"Place '{place.Id}' has coordinates off the earth.", nameof(places));
            }

            if (!_byId.TryAdd(place.Id, place))
            {
                throw new ArgumentException($"Place '{place.Id}' appears twice.", nameof(places));
            }
        }
    }

    /// <summary>Every place, by country and then name.</summary>
    public IReadOnlyList<Place> All { get; }

    public bool IsKnown(string? id) => id is not null && _byId.ContainsKey(id);

    public Place? Find(string? id) => id is not null && _byId.TryGetValue(id, out var place) ? place : null;

    /// <summary>The district a place is counted in (<see cref="Place.DistrictName"/>); null for no place or an unknown one.</summary>
    public string? DistrictOf(string? id) => Find(id)?.DistrictName;
}
