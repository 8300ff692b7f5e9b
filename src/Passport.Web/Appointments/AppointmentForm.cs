using System.Globalization;
using Passport.Domain.Appointments;
using Passport.Domain.Validation;

namespace Passport.Web.Appointments;

/// <summary>
/// The booking and moving form of the coach's pages: a day and two times on the platform's clock (<c>Sprints:TimeZone</c>),
/// how it happens and the rest, all as typed. Field names are the domain's, so its errors land beside the right input.
/// </summary>
public sealed class AppointmentForm
{
    public string? Day { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public string? Kind { get; set; } = AppointmentKind.Place.Name();

    public string? Location { get; set; }

    public string? Attendees { get; set; }

    public string? Topic { get; set; }

    public string? Bring { get; set; }

    public static AppointmentForm From(Appointment appointment, AppointmentWords words)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(words);
        var details = appointment.Details;
        return new()
        {
            Day = words.DayValue(details.StartsAt),
            StartTime = words.TimeValue(details.StartsAt),
            EndTime = words.TimeValue(details.EndsAt),
            Kind = details.Kind.Name(),
            Location = details.Location,
            Attendees = details.Attendees,
            Topic = details.Topic,
            Bring = details.Bring,
        };
    }

    /// <summary>
    /// The input for the use case, or the errors of what could not even be read (a day or time that is no day or
    /// time); the use case checks the rest.
    /// </summary>
    public (AppointmentInput Input, ValidationErrors Unreadable) Read(AppointmentWords words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var unreadable = new ValidationErrors();
        DateTimeOffset? startsAt = null;
        DateTimeOffset? endsAt = null;
        if (!DateOnly.TryParseExact(Day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            unreadable.Add("day", "Appointment.Day.Format");
        }
        else
        {
            if (!words.TryReadLocal(Day, StartTime, out startsAt))
            {
                unreadable.Add("startsAt", "Appointment.Time.Format");
            }

            if (!words.TryReadLocal(Day, EndTime, out endsAt))
            {
                unreadable.Add("endsAt", "Appointment.Time.Format");
            }
        }

        return (new AppointmentInput(startsAt, endsAt, Kind, Location, Attendees, Topic, Bring), unreadable);
    }

    /// <summary>The errors to show: what could not be read, then the use case's rules for every other field.</summary>
    public static ValidationErrors Merge(ValidationErrors unreadable, ValidationErrors? rules)
    {
        ArgumentNullException.ThrowIfNull(unreadable);
        var merged = new ValidationErrors();
        foreach (var error in unreadable.Errors)
        {
            merged.Add(error.Field, error.Code, [.. error.Arguments]);
        }

        var dayUnreadable = unreadable.Errors.Any(error => error.Field == "day");
        foreach (var error in rules?.Errors ?? [])
        {
            var timeField = error.Field is "startsAt" or "endsAt";
            if (unreadable.Errors.Any(known => known.Field == error.Field) || (dayUnreadable && timeField))
            {
                continue;
            }

            merged.Add(error.Field, error.Code, [.. error.Arguments]);
        }

        return merged;
    }
}
