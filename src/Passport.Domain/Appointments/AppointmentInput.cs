namespace Passport.Domain.Appointments;

/// <summary>
/// What staff send to book or move an appointment, unchecked: <see cref="AppointmentRules.Validate"/> turns it into
/// <see cref="AppointmentDetails"/> or names the broken rules. <c>Kind</c> is <c>place</c>, <c>phone</c> or
/// <c>video</c>, and <c>Location</c> the address, number or link that goes with it.
/// </summary>
public sealed record AppointmentInput(
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Kind, string? Location, string? Attendees, string? Topic, string? Bring);
