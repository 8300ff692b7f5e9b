using Passport.Data.Notifications;

namespace Passport.Data.Appointments;

/// <summary>
/// What the people of an appointment are told about a change to it, written in the change's own transaction: the
/// young person when staff book, move or cancel, the booking coach when the young person answers.
/// </summary>
public sealed record AppointmentNotices(IReadOnlyList<PersonNotice> Notices);
