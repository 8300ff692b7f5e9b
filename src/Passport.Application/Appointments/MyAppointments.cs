using Passport.Application.Notifications;
using Passport.Application.People;
using Passport.Data.Appointments;
using Passport.Domain.Appointments;

namespace Passport.Application.Appointments;

/// <summary>
/// The young person's side of their appointments: the overview (upcoming first), and their answers — yes, another
/// time please (with a message), or cancel (with a reason, which drops its reminders). Someone else's appointment is
/// simply not found.
/// </summary>
public sealed class MyAppointments(AppointmentRepository appointments, PeopleNotices notices, INotificationPush push, TimeProvider time)
{
    private const string NotFound = "Appointments.Problem.NotFound";
    private const string NotAllowed = "Appointments.Problem.NotAllowed";

    /// <summary>Upcoming appointments first (soonest first), then the rest (cancelled or over, latest first).</summary>
    public async Task<IReadOnlyList<Appointment>> ListAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var all = await appointments.ListForPersonAsync(personId, cancellationToken);
        return [.. all.Where(appointment => appointment.IsUpcoming(now)), .. all.Where(appointment => !appointment.IsUpcoming(now)).Reverse()];
    }

    /// <summary>One of the person's appointments, or null for someone else's as for an unknown id.</summary>
    public async Task<Appointment?> FindAsync(Guid personId, Guid appointmentId, CancellationToken cancellationToken = default)
    {
        var appointment = await appointments.FindAsync(appointmentId, cancellationToken);
        return appointment?.PersonId == personId ? appointment : null;
    }

    /// <summary>The person says they will come.</summary>
    public Task<Outcome<Appointment>> ConfirmAsync(Guid personId, Guid appointmentId, CancellationToken cancellationToken = default) =>
        AnswerAsync(personId, appointmentId, AppointmentEventKind.Confirmed, null, (appointment, now) => appointment.Confirm(now), cancellationToken);

    /// <summary>The person asks for another time and says what suits them.</summary>
    public async Task<Outcome<Appointment>> RequestRescheduleAsync(
        Guid personId, Guid appointmentId, string? message, CancellationToken cancellationToken = default)
    {
        var errors = AppointmentRules.ValidateMessage(message, out var checkedMessage);
        if (!errors.IsValid)
        {
            return await RefuseInvalidAsync(personId, appointmentId, errors, cancellationToken);
        }

        return await AnswerAsync(
            personId, appointmentId, AppointmentEventKind.RescheduleRequested, checkedMessage,
            (appointment, now) => appointment.RequestReschedule(checkedMessage!, now), cancellationToken);
    }

    /// <summary>The person calls it off and says why.</summary>
    public async Task<Outcome<Appointment>> CancelAsync(Guid personId, Guid appointmentId, string? reason, CancellationToken cancellationToken = default)
    {
        var errors = AppointmentRules.ValidateReason(reason, out var checkedReason);
        if (!errors.IsValid)
        {
            return await RefuseInvalidAsync(personId, appointmentId, errors, cancellationToken);
        }

        return await AnswerAsync(
            personId, appointmentId, AppointmentEventKind.Cancelled, checkedReason,
            (appointment, now) => appointment.Cancel(AppointmentParty.Person, checkedReason!, now), cancellationToken);
    }

    /// <summary>The appointment's history, oldest first; empty for someone else's.</summary>
    public async Task<IReadOnlyList<AppointmentEvent>> HistoryAsync(Guid personId, Guid appointmentId, CancellationToken cancellationToken = default) =>
        await FindAsync(personId, appointmentId, cancellationToken) is null ? [] : await appointments.ListEventsAsync(appointmentId, cancellationToken);

    /// <summary>Someone else's appointment stays not found even with bad input, so the answer says nothing about it.</summary>
    private async Task<Outcome<Appointment>> RefuseInvalidAsync(
        Guid personId, Guid appointmentId, Domain.Validation.ValidationErrors errors, CancellationToken cancellationToken) =>
        await FindAsync(personId, appointmentId, cancellationToken) is null
            ? Outcome.Fail<Appointment>(OutcomeStatus.NotFound, NotFound)
            : Outcome.Invalid<Appointment>(errors);

    /// <summary>
    /// An answer only while the appointment has not started (afterwards there is nothing to say yes to) and as the
    /// lifecycle allows; written only if nobody changed the appointment in between.
    /// </summary>
    private async Task<Outcome<Appointment>> AnswerAsync(
        Guid personId, Guid appointmentId, AppointmentEventKind kind, string? note, Func<Appointment, DateTimeOffset, bool> change,
        CancellationToken cancellationToken)
    {
        var appointment = await FindAsync(personId, appointmentId, cancellationToken);
        if (appointment is null)
        {
            return Outcome.Fail<Appointment>(OutcomeStatus.NotFound, NotFound);
        }

        var now = time.GetUtcNow();
        var (status, version) = (appointment.Status, appointment.Version);
        if (appointment.Details.StartsAt <= now || !change(appointment, now))
        {
            return Outcome.Fail<Appointment>(OutcomeStatus.Conflict, NotAllowed);
        }

        // A cancellation drops the pending reminders with it; a yes or a request for another time leaves them be.
        var noticeKind = kind switch
        {
            AppointmentEventKind.Confirmed => PeopleNotices.AppointmentConfirmed,
            AppointmentEventKind.RescheduleRequested => PeopleNotices.AppointmentRescheduleRequested,
            _ => PeopleNotices.AppointmentCancelledByPerson,
        };
        var coachNotice = await notices.ToCoachAsync(appointment, noticeKind, personId, note, now, cancellationToken);
        if (!await appointments.UpdateAsync(
                appointment, status, version, AppointmentEvent.Of(appointment, AppointmentParty.Person, personId, kind, note),
                kind == AppointmentEventKind.Cancelled ? [] : null, coachNotice, cancellationToken))
        {
            return Outcome.Fail<Appointment>(OutcomeStatus.Conflict, NotAllowed);
        }

        if (appointment.BookedByUserId is { } coachId)
        {
            push.Changed(coachId);
        }

        return Outcome.Done(appointment);
    }
}
