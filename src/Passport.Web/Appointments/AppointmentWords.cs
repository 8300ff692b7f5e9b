using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Passport.Application.Appointments;
using Passport.Domain.Appointments;
using Passport.Grains.Sprints;
using Passport.Web.Localization;

namespace Passport.Web.Appointments;

/// <summary>
/// How pages and calendar files word an appointment, in the current language: its kind, status and the lines of
/// its description (who booked it, how to take part, who will be there, what to bring).
/// </summary>
public sealed class AppointmentWords(IStringLocalizer<Texts> texts, LocalDates dates, IOptions<SprintOptions> sprints)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(sprints.Value.TimeZone);

    /// <summary>The local day of a moment for a <c>date</c> input, e.g. <c>2026-12-07</c>.</summary>
    public string DayValue(DateTimeOffset at) => dates.Local(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The local time of a moment for a <c>time</c> input, e.g. <c>10:30</c>.</summary>
    public string TimeValue(DateTimeOffset at) => dates.Local(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A day and a time typed on the platform's clock, as a moment; false when either cannot be read.</summary>
    public bool TryReadLocal(string? day, string? timeOfDay, out DateTimeOffset? at)
    {
        at = null;
        if (!DateOnly.TryParseExact(day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || !TimeOnly.TryParseExact(timeOfDay?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return false;
        }

        var local = date.ToDateTime(time);
        at = new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    public string Kind(AppointmentKind kind) => texts[$"Appointments.Kind.{kind}"];

    public string Status(AppointmentStatus status) => texts[$"Appointments.Status.{status}"];

    /// <summary>"7 December 2026, 10:00 – 11:00" (the end with its day when it is another day).</summary>
    public string When(AppointmentDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var sameDay = dates.Day(details.StartsAt) == dates.Day(details.EndsAt);
        return $"{dates.Moment(details.StartsAt)} – {(sameDay ? dates.Time(details.EndsAt) : dates.Moment(details.EndsAt))}";
    }

    /// <summary>The calendar entry of an appointment: its topic as the title, the facts as the description.</summary>
    public CalendarEntry Entry(Appointment appointment)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var details = appointment.Details;
        var lines = new List<string>
        {
            texts["Appointments.Calendar.With", appointment.BookedByName, appointment.OrganisationName],
            $"{Kind(details.Kind)}: {details.Location}",
        };
        if (details.Attendees is { } attendees)
        {
            lines.Add(texts["Appointments.Calendar.Who", attendees]);
        }

        if (details.Bring is { } bring)
        {
            lines.Add(texts["Appointments.Calendar.Bring", bring]);
        }

        if (appointment.Status == AppointmentStatus.Cancelled && appointment.CancelReason is { } reason)
        {
            lines.Add(texts["Appointments.Calendar.Cancelled", reason]);
        }

        return new CalendarEntry(appointment, details.Topic, string.Join('\n', lines));
    }

    /// <summary>Writes the entries in <paramref name="language"/>, whatever the request's own language is.</summary>
    public static string WriteIn(string language, Func<IReadOnlyList<CalendarEntry>> entries, Func<string> calendarName)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(calendarName);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            return AppointmentCalendar.Write(calendarName(), entries());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
