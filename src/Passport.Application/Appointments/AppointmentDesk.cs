using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Application.Notifications;
using Passport.Application.People;
using Passport.Application.PersonalData;
using Passport.Application.Reminders;
using Passport.Data.Appointments;
using Passport.Data.Organisations;
using Passport.Data.Reminders;
using Passport.Domain.Accounts;
using Passport.Domain.Appointments;
using Passport.Domain.Consent;
using Passport.Domain.Validation;

namespace Passport.Application.Appointments;

/// <summary>
/// Staff's side of appointments, for the API and the pages alike. A coach books, lists, moves and cancels a person's
/// appointments only while the person shares their <c>plan</c> with the coach's organisation; every use goes through
/// the one door (<see cref="IPersonalData.ReadAsync"/>), so it lands in the person's access log, and any refusal is
/// the same "not found", so nobody learns whether the person exists. Staff see and change only the appointments of
/// their own organisation.
/// </summary>
public sealed class AppointmentDesk(
    IPersonalData personalData,
    AppointmentRepository appointments,
    OrganisationRepository organisations,
    ReminderPlanner reminders,
    ReminderStore reminderStore,
    PeopleNotices notices,
    INotificationPush push,
    TimeProvider time)
{
    private const string PersonNotFound = "Consent.Problem.PersonNotFound";
    private const string NotFound = "Appointments.Problem.NotFound";
    private const string NotAllowed = "Appointments.Problem.NotAllowed";

    private static readonly DataCategory[] Plan = [DataCategory.Plan];

    /// <summary>Books an appointment for the person; it starts as <see cref="AppointmentStatus.Booked"/>.</summary>
    public async Task<Outcome<Appointment>> BookAsync(
        ClaimsPrincipal staff, Guid personId, AppointmentInput input, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (await OpenAsync(staff, personId, channel, cancellationToken) is not { } organisation)
        {
            return Outcome.Fail<Appointment>(OutcomeStatus.NotFound, PersonNotFound);
        }

        var now = time.GetUtcNow();
        var errors = AppointmentRules.Validate(input, now, out var details);
        if (details is null)
        {
            return Outcome.Invalid<Appointment>(errors);
        }

        var appointment = Appointment.Book(
            Guid.CreateVersion7(), personId, organisation.Id, staff.GetUserId()!.Value, staff.FindFirstValue(PassportClaims.Name) ?? "", organisation.Name,
            details, now);
        var person = await notices.RecipientAsync(personId, cancellationToken);
        await appointments.CreateAsync(
            appointment, AppointmentEvent.Of(appointment, AppointmentParty.Staff, appointment.BookedByUserId, AppointmentEventKind.Booked, null),
            reminders.Plan(details.StartsAt, now), notices.ToPerson(appointment, PeopleNotices.AppointmentBooked, person, null, now), cancellationToken);
        push.Changed(personId);
        return Outcome.Done(appointment);
    }

    /// <summary>The person's appointments with the caller's organisation, earliest first.</summary>
    public async Task<Outcome<IReadOnlyList<Appointment>>> ListAsync(
        ClaimsPrincipal staff, Guid personId, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (await OpenAsync(staff, personId, channel, cancellationToken) is not { } organisation)
        {
            return Outcome.Fail<IReadOnlyList<Appointment>>(OutcomeStatus.NotFound, PersonNotFound);
        }

        return Outcome.Done(await appointments.ListForPersonAsync(personId, organisation.Id, cancellationToken));
    }

    /// <summary>Gives one of the organisation's appointments with the person new details; it is booked again, one version up.</summary>
    public async Task<Outcome<Appointment>> MoveAsync(
        ClaimsPrincipal staff, Guid personId, Guid appointmentId, AppointmentInput input, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var (appointment, refused) = await FindAsync(staff, personId, appointmentId, channel, cancellationToken);
        if (appointment is null)
        {
            return refused!;
        }

        var now = time.GetUtcNow();
        var errors = AppointmentRules.Validate(input, now, out var details);
        if (details is null)
        {
            return Outcome.Invalid<Appointment>(errors);
        }

        var (status, version) = (appointment.Status, appointment.Version);
        if (!appointment.Move(details, now))
        {
            return Outcome.Fail<Appointment>(OutcomeStatus.Conflict, NotAllowed);
        }

        return await SaveAsync(
            appointment, status, version, staff.GetUserId(), AppointmentEventKind.Moved, null, reminders.Plan(details.StartsAt, now), cancellationToken);
    }

    /// <summary>Calls off one of the organisation's appointments with the person, with a reason for them.</summary>
    public async Task<Outcome<Appointment>> CancelAsync(
        ClaimsPrincipal staff, Guid personId, Guid appointmentId, string? reason, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var (appointment, refused) = await FindAsync(staff, personId, appointmentId, channel, cancellationToken);
        if (appointment is null)
        {
            return refused!;
        }

        var errors = AppointmentRules.ValidateReason(reason, out var checkedReason);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<Appointment>(errors);
        }

        var (status, version) = (appointment.Status, appointment.Version);
        if (!appointment.Cancel(AppointmentParty.Staff, checkedReason!, time.GetUtcNow()))
        {
            return Outcome.Fail<Appointment>(OutcomeStatus.Conflict, NotAllowed);
        }

        return await SaveAsync(appointment, status, version, staff.GetUserId(), AppointmentEventKind.Cancelled, checkedReason, [], cancellationToken);
    }

    /// <summary>
    /// Marks one of the organisation's appointments with the person as taken place or missed, once its time has come;
    /// two missed in a row put the person on the municipality's in-view list.
    /// </summary>
    public async Task<Outcome<Appointment>> MarkAttendanceAsync(
        ClaimsPrincipal staff, Guid personId, Guid appointmentId, string? attendance, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var (appointment, refused) = await FindAsync(staff, personId, appointmentId, channel, cancellationToken);
        if (appointment is null)
        {
            return refused!;
        }

        if (!Enum.TryParse<AppointmentAttendance>(attendance, ignoreCase: true, out var marked) || !Enum.IsDefined(marked) || int.TryParse(attendance, out _))
        {
            var errors = new ValidationErrors();
            errors.Add("attendance", "Appointment.Attendance.Unknown");
            return Outcome.Invalid<Appointment>(errors);
        }

        var now = time.GetUtcNow();
        return appointment.MayMarkAttendance(now) && await appointments.MarkAttendanceAsync(appointment.Id, marked, now, cancellationToken)
            ? Outcome.Done(appointment)
            : Outcome.Fail<Appointment>(OutcomeStatus.Conflict, NotAllowed);
    }

    /// <summary>
    /// For the caseload: per person, when their next appointment with the caller's organisation starts. Only people
    /// the list already shows are asked about, so nothing is read here that the caller could not see.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> NextStartsAsync(ClaimsPrincipal staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.GetOrganisationId() is { } organisationId && staff.IsInRole(Roles.Coach)
            ? await appointments.NextStartsAsync(organisationId, time.GetUtcNow(), cancellationToken)
            : new Dictionary<Guid, DateTimeOffset>();
    }

    /// <summary>
    /// For the caseload: per person, when they last met the caller's organisation — the end of their last appointment
    /// with it that was not cancelled. Like <see cref="NextStartsAsync"/>, the page asks only for people it shows.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> LastContactsAsync(ClaimsPrincipal staff, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.GetOrganisationId() is { } organisationId && staff.IsInRole(Roles.Coach)
            ? await appointments.LastContactsAsync(organisationId, time.GetUtcNow(), cancellationToken)
            : new Dictionary<Guid, DateTimeOffset>();
    }

    /// <summary>The history of one appointment (already found for this caller).</summary>
    public Task<IReadOnlyList<AppointmentEvent>> HistoryAsync(Appointment appointment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return appointments.ListEventsAsync(appointment.Id, cancellationToken);
    }

    /// <summary>
    /// The reminders of appointments already listed for this caller (their current versions), per appointment: the
    /// contact person sees which went out and which could not be delivered.
    /// </summary>
    public async Task<ILookup<Guid, ReminderView>> RemindersAsync(
        Guid personId, IReadOnlyList<Appointment> listed, CancellationToken cancellationToken = default) =>
        (await reminderStore.ListAsync(personId, [.. listed.Where(appointment => appointment.PersonId == personId)], cancellationToken))
            .ToLookup(reminder => reminder.AppointmentId);

    /// <summary>
    /// Writes staff's change with the young person's notice; its reminders are planned anew (an empty list drops them) in
    /// the same transaction, and the person is told only when the change is stored.
    /// </summary>
    private async Task<Outcome<Appointment>> SaveAsync(
        Appointment appointment, AppointmentStatus readStatus, int readVersion, Guid? actor, AppointmentEventKind kind, string? note,
        IReadOnlyList<Domain.Reminders.ReminderDue> planned, CancellationToken cancellationToken)
    {
        var person = await notices.RecipientAsync(appointment.PersonId, cancellationToken);
        var noticeKind = kind == AppointmentEventKind.Cancelled ? PeopleNotices.AppointmentCancelled : PeopleNotices.AppointmentMoved;
        if (!await appointments.UpdateAsync(
                appointment, readStatus, readVersion, AppointmentEvent.Of(appointment, AppointmentParty.Staff, actor, kind, note), planned,
                notices.ToPerson(appointment, noticeKind, person, note, appointment.ChangedAt), cancellationToken))
        {
            return Outcome.Fail<Appointment>(OutcomeStatus.Conflict, NotAllowed);
        }

        push.Changed(appointment.PersonId);
        return Outcome.Done(appointment);
    }

    private async Task<(Appointment? Appointment, Outcome<Appointment>? Refused)> FindAsync(
        ClaimsPrincipal staff, Guid personId, Guid appointmentId, AccessChannel channel, CancellationToken cancellationToken)
    {
        if (await OpenAsync(staff, personId, channel, cancellationToken) is not { } organisation)
        {
            return (null, Outcome.Fail<Appointment>(OutcomeStatus.NotFound, PersonNotFound));
        }

        var appointment = await appointments.FindAsync(appointmentId, cancellationToken);
        return appointment is not null && appointment.PersonId == personId && appointment.OrganisationId == organisation.Id
            ? (appointment, null)
            : (null, Outcome.Fail<Appointment>(OutcomeStatus.NotFound, NotFound));
    }

    /// <summary>
    /// The caller's organisation when a coach of it may work with the person now: through the door, which checks the
    /// person's active <c>plan</c> consent against the organisation as recorded and logs the access; null otherwise.
    /// </summary>
    private async Task<Organisation?> OpenAsync(ClaimsPrincipal staff, Guid personId, AccessChannel channel, CancellationToken cancellationToken)
    {
        if (!staff.IsInRole(Roles.Coach) || staff.GetOrganisationId() is not { } organisationId || staff.GetUserId() is null)
        {
            return null;
        }

        if (await personalData.ReadAsync(staff, personId, Plan, channel, cancellationToken) is null)
        {
            return null;
        }

        return await organisations.FindAsync(organisationId, cancellationToken);
    }
}
