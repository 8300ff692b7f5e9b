using System.Globalization;

namespace Passport.Domain.Reminders;

/// <summary>
/// The hours of the night in which no non-urgent message is sent, on the platform's clock: from <see cref="From"/>
/// until <see cref="Until"/>, crossing midnight when <see cref="From"/> is later in the day (22:00–08:00).
/// </summary>
public sealed record QuietHours(TimeOnly From, TimeOnly Until)
{
    /// <summary>22:00–08:00, the setting's default.</summary>
    public static readonly QuietHours Night = new(new TimeOnly(22, 0), new TimeOnly(8, 0));

    /// <summary>Reads <c>HH:mm-HH:mm</c> (e.g. <c>22:00-08:00</c>); false for anything else, or for a span of no length.</summary>
    public static bool TryParse(string? text, out QuietHours? quiet)
    {
        quiet = null;
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 }
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until)
            || from == until)
        {
            return false;
        }

        quiet = new QuietHours(from, until);
        return true;
    }

    /// <summary>Whether a time of day lies in the quiet hours (the start counts, the end does not).</summary>
    public bool Contains(TimeOnly time) => From < Until ? time >= From && time < Until : time >= From || time < Until;

    /// <summary>
    /// The first moment at or after <paramref name="at"/> outside the quiet hours in <paramref name="zone"/>:
    /// <paramref name="at"/> itself when it is not quiet, else the end of this night.
    /// </summary>
    public DateTimeOffset NextAllowed(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (!Contains(time))
        {
            return at;
        }

        // Before midnight in a night that crosses it, the quiet ends tomorrow; otherwise today.
        var day = DateOnly.FromDateTime(local.DateTime);
        var endDay = time >= Until && From > Until ? day.AddDays(1) : day;
        var end = endDay.ToDateTime(Until);
        // A clock change can make the end a time that does not exist; the first minute after it does.
        while (zone.IsInvalidTime(end))
        {
            end = end.AddMinutes(1);
        }

        return new DateTimeOffset(end, zone.GetUtcOffset(end)).ToUniversalTime();
    }

    public override string ToString() => $"{From:HH\\:mm}-{Until:HH\\:mm}";
}
