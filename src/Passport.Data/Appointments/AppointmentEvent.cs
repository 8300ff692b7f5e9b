using Passport.Domain.Appointments;

namespace Passport.Data.Appointments;

/// <summary>What happened to an appointment, as <c>appointment_events</c> keeps it.</summary>
public enum AppointmentEventKind
{
    Booked,
    Confirmed,
    RescheduleRequested,
    Moved,
    Cancelled,
}

/// <summary>
/// One change of an appointment: who (the side, and the account while it exists), when, what, the version and times
/// it left the appointment with, and the person's message or the reason given.
/// </summary>
public sealed record AppointmentEvent(
    Guid Id, Guid AppointmentId, DateTimeOffset At, AppointmentParty Party, Guid? ActorUserId, AppointmentEventKind Event, int Version,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Note)
{
    /// <summary>The event for <paramref name="appointment"/> as it stands after the change.</summary>
    public static AppointmentEvent Of(Appointment appointment, AppointmentParty party, Guid? actorUserId, AppointmentEventKind kind, string? note)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return new(
            Guid.CreateVersion7(), appointment.Id, appointment.ChangedAt, party, actorUserId, kind, appointment.Version,
            appointment.Details.StartsAt, appointment.Details.EndsAt, note);
    }
}
