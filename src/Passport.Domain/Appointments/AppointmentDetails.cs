namespace Passport.Domain.Appointments;

/// <summary>
/// The checked facts of an appointment: start and end in UTC, how and where it happens, who will be there, what it is
/// about and what to bring (the last two in the words staff chose; optional parts are null, never empty).
/// </summary>
public sealed record AppointmentDetails(
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, AppointmentKind Kind, string Location, string? Attendees, string Topic, string? Bring);
