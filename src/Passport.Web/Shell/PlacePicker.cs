using System.Globalization;
using Microsoft.Extensions.Localization;
using Passport.Domain.Places;
using Passport.Web.Localization;

namespace Passport.Web.Shell;

/// <summary>A place a form names: the name people see and the point travel distance is measured from.</summary>
public sealed record PickedPlace(string Name, double Latitude, double Longitude);

/// <summary>What a place picker found: the place, or the places of the catalogue the person may have meant.</summary>
public sealed record PlacePick(PickedPlace? Place, IReadOnlyList<Place> Matches)
{
    public bool Found => Place is not null;
}

/// <summary>
/// The place picker of the forms that ask where something is (<see cref="LocationFields"/>): people type a town's name,
/// helped by a list of the catalogue's places, and the coordinates come from the catalogue, so nobody types a latitude.
/// It works without JavaScript: a name that is not in the catalogue comes back with a list of the places it may mean.
/// </summary>
public static class PlacePicker
{
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    /// <summary>
    /// The place chosen from the list of matches (<paramref name="placeId"/>), else the place the form had already
    /// (<paramref name="current"/>) when its name was left as it was, else the catalogue's place of that name; otherwise
    /// not found, with the places whose name contains what was typed (all places when none does).
    /// </summary>
    public static PlacePick Pick(PlaceCatalog catalog, string? typed, string? placeId, PickedPlace? current)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Find(placeId) is { } chosen)
        {
            return new(From(chosen), []);
        }

        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new(null, []);
        }

        // A stored place outside the catalogue (or with its own point) stays as it is while its name is not touched.
        if (current is not null && string.Equals(current.Name, text, StringComparison.Ordinal))
        {
            return new(current, []);
        }

        var compare = CultureInfo.InvariantCulture.CompareInfo;
        var named = catalog.All.Where(place => compare.Compare(place.Name, text, Loose) == 0).ToList();
        if (named.Count == 1)
        {
            return new(From(named[0]), []);
        }

        var matches = named.Count > 1 ? named : [.. catalog.All.Where(place => compare.IndexOf(place.Name, text, Loose) >= 0)];
        return new(null, matches.Count > 0 ? matches : catalog.All);
    }

    /// <summary>
    /// After a refused post: when no place was found, the picker's own words replace the rules' (which speak of
    /// coordinates nobody typed) on the place input, in the same spot of the error summary.
    /// </summary>
    public static void Explain(PlacePick pick, string? typed, Dictionary<string, string[]> errors, IStringLocalizer<Texts> texts)
    {
        ArgumentNullException.ThrowIfNull(pick);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(texts);
        if (!pick.Found)
        {
            errors["place"] = [string.IsNullOrWhiteSpace(typed) ? texts["Location.Required"] : texts["Location.NotFound", typed.Trim()]];
        }
    }

    private static PickedPlace From(Place place) => new(place.Name, place.Latitude, place.Longitude);
}
