using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Passport.Domain.Appointments;

namespace Passport.Application.Appointments;

/// <summary>One appointment as a calendar shows it: its facts plus the summary and description in the owner's language.</summary>
public sealed record CalendarEntry(Appointment Appointment, string Summary, string Description);

/// <summary>
/// Writes appointments as iCalendar (RFC 5545). Times are UTC (<c>Z</c>), so no time-zone block is needed and every
/// calendar shows them in its own zone. Each appointment keeps one <c>UID</c> for life, and its <c>SEQUENCE</c> is
/// its version minus one (0 when booked, higher after each move or the cancellation), so a subscribed calendar
/// updates the entry it has instead of adding another; a cancelled one stays with <c>STATUS:CANCELLED</c>.
/// </summary>
public static class AppointmentCalendar
{
    public const string ProductId = "-//Passport//Appointments//EN";

    public const string MediaType = "text/calendar; charset=utf-8";

    /// <summary>The stable <c>UID</c> of an appointment.</summary>
    public static string Uid(Guid appointmentId) => $"{appointmentId:D}@appointments.passport";

    public static string Write(string calendarName, IEnumerable<CalendarEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var calendar = new Calendar { ProductId = ProductId, Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var entry in entries)
        {
            calendar.Events.Add(EventOf(entry));
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent EventOf(CalendarEntry entry)
    {
        var appointment = entry.Appointment;
        var details = appointment.Details;
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(appointment.Id),
            DtStamp = Utc(appointment.ChangedAt),
            DtStart = Utc(details.StartsAt),
            DtEnd = Utc(details.EndsAt),
            Sequence = appointment.Version - 1,
            Summary = entry.Summary,
            Description = entry.Description,
            Location = details.Location,
            Status = appointment.Status switch
            {
                AppointmentStatus.Cancelled => EventStatus.Cancelled,
                AppointmentStatus.Confirmed => EventStatus.Confirmed,
                _ => EventStatus.Tentative,
            },
        };
        if (details.Kind == AppointmentKind.Video && Uri.TryCreate(details.Location, UriKind.Absolute, out var link))
        {
            calendarEvent.Url = link;
        }

        return calendarEvent;
    }

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime);
}
