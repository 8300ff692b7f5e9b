using Passport.Application.Privacy;
using Passport.Data.Appointments;
using Passport.Data.Reminders;

namespace Passport.Application.Appointments;

/// <summary>
/// A person's appointments with their history and reminders in the export; a staff member's name leaves the ones they
/// booked on erasure.
/// </summary>
internal sealed class AppointmentSection(AppointmentRepository appointments, ReminderStore reminders) : IPersonalDataSection
{
    public string Name => "appointments";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var result = new List<object>();
        foreach (var appointment in await appointments.ListForPersonAsync(userId, cancellationToken))
        {
            var details = appointment.Details;
            result.Add(new
            {
                appointment.Id, appointment.OrganisationName, BookedBy = appointment.BookedByName, details.StartsAt, details.EndsAt,
                Kind = details.Kind.ToString(), details.Location, details.Attendees, details.Topic, details.Bring, Status = appointment.Status.ToString(),
                appointment.Version, appointment.RescheduleMessage, CancelledBy = appointment.CancelledBy?.ToString(), appointment.CancelReason,
                appointment.CreatedAt, appointment.ChangedAt,
                History = (await appointments.ListEventsAsync(appointment.Id, cancellationToken))
                    .Select(change => new { change.At, Party = change.Party.ToString(), Event = change.Event.ToString(), change.Version, change.StartsAt, change.EndsAt, change.Note }),
                Reminders = (await reminders.ListAllAsync(appointment.Id, cancellationToken))
                    .Select(reminder => new { reminder.AppointmentVersion, reminder.Lead, reminder.DueAt, Status = reminder.Status.ToString(), reminder.SentAt }),
            });
        }

        return result;
    }

    // The person's own rows (appointments, history, reminders, calendar feeds) cascade from the account.
    public Task EraseAsync(Guid userId, CancellationToken cancellationToken) => appointments.ForgetStaffAsync(userId, cancellationToken);
}
