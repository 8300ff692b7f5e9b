using System.Globalization;
using Passport.Domain.Accounts;

namespace Passport.Web.Localization;

/// <summary>
/// The one way pages write dates and times: in the platform's time zone (<c>Sprints:TimeZone</c>), with one date
/// style and one date-and-time style per language, in the request culture's month names. Pages never format a date
/// themselves, so a reader never sees "12/7/2026" on one page and "7 Dec 2026" on the next.
/// </summary>
public sealed class LocalDates
{
    private static readonly Dictionary<string, Styles> StylesByLanguage = new(StringComparer.Ordinal)
    {
        [Languages.English] = new("d MMMM yyyy", "d MMMM yyyy, HH:mm", "MMMM yyyy"),
        [Languages.Dutch] = new("d MMMM yyyy", "d MMMM yyyy, HH:mm", "MMMM yyyy"),
        [Languages.Danish] = new("d. MMMM yyyy", "d. MMMM yyyy 'kl.' HH:mm", "MMMM yyyy"),
        [Languages.NorwegianBokmal] = new("d. MMMM yyyy", "d. MMMM yyyy 'kl.' HH:mm", "MMMM yyyy"),
    };

    private readonly TimeZoneInfo _zone;

    public LocalDates(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _zone = zone;
    }

    /// <summary>The calendar day of a moment, e.g. "7 December 2026", "7. december 2026".</summary>
    public string Day(DateTimeOffset at) => Day(DateOnly.FromDateTime(Local(at).DateTime));

    /// <summary>A calendar day, e.g. "7 December 2026".</summary>
    public string Day(DateOnly day) => day.ToString(Current.Day, CultureInfo.CurrentCulture);

    /// <summary>A moment with its time of day, e.g. "7 December 2026, 15:02", "7. december 2026 kl. 15:02".</summary>
    public string Moment(DateTimeOffset at) => Local(at).ToString(Current.Moment, CultureInfo.CurrentCulture);

    /// <summary>A month, for things people remember by month (experience), e.g. "December 2026".</summary>
    public string Month(DateOnly day) => day.ToString(Current.Month, CultureInfo.CurrentCulture);

    /// <summary>The time of day alone, for something later today, e.g. "15:02".</summary>
    public string Time(DateTimeOffset at) => Local(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The moment on the platform's clock.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);

    /// <summary>The ISO form for <c>datetime</c> attributes, which machines read.</summary>
    public static string Machine(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static Styles Current =>
        StylesByLanguage.GetValueOrDefault(CultureInfo.CurrentCulture.TwoLetterISOLanguageName)
        ?? StylesByLanguage.GetValueOrDefault(CultureInfo.CurrentCulture.Name)
        ?? StylesByLanguage[Languages.Default];

    private sealed record Styles(string Day, string Moment, string Month);
}
