using System.Globalization;
using Microsoft.Extensions.Localization;
using Passport.Web.Localization;

namespace Passport.Web.Pathways.Pages;

/// <summary>A learning path's place, dates and growth in the plain words the list and the detail page use alike.</summary>
public static class PathwayWords
{
    /// <summary>"Eindhoven (where you live)", "Helmond (about 15 km from you)", or the place alone when the distance is unknown.</summary>
    public static string Place(IStringLocalizer<Texts> texts, string place, int? distanceKm)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return distanceKm switch
        {
            0 => texts["MyMatches.PlaceHere", place],
            { } km => texts["MyMatches.PlaceDistance", place, km],
            null => place,
        };
    }

    /// <summary>"Starts any time", "Starts 1 February 2027" or "1 February 2027 to 30 June 2027", in the reader's date style.</summary>
    public static string When(IStringLocalizer<Texts> texts, LocalDates dates, DateOnly? startsOn, DateOnly? endsOn)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(dates);
        return (startsOn, endsOn) switch
        {
            ({ } start, { } end) => texts["MyPathway.When.FromTo", dates.Day(start), dates.Day(end)],
            ({ } start, null) => texts["MyPathway.When.From", dates.Day(start)],
            _ => texts["MyPathway.When.AnyTime"],
        };
    }

    /// <summary>An expected growth of 0.5 to 2 levels in words, e.g. "half a level".</summary>
    public static string Gain(IStringLocalizer<Texts> texts, double gain)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts[$"MyPathway.Gain.{gain.ToString(CultureInfo.InvariantCulture)}"];
    }
}
