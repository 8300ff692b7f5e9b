using System.Data.Common;
using Dapper;
using Passport.Data.Database;
using Passport.Data.Reminders;
using Passport.Data.Notifications;
using Passport.Domain.Appointments;
using Passport.Domain.Reminders;

namespace Passport.Data.Appointments;

/// <summary>
/// Appointments and their history. Every change is written with its event in one transaction and only if the row is
/// still as it was read (status and version), so two answers that race cannot both win.
/// </summary>
public sealed class AppointmentRepository(PassportDatabase database)
{
    private const string SelectAppointment =
        """
        SELECT id AS Id, person_id AS PersonId, organisation_id AS OrganisationId, organisation_name AS OrganisationName,
               booked_by_user_id AS BookedByUserId, booked_by_name AS BookedByName, starts_at AS StartsAt, ends_at AS EndsAt,
               kind AS Kind, location AS Location, attendees AS Attendees, topic AS Topic, bring AS Bring, status AS Status,
               version AS Version, reschedule_message AS RescheduleMessage, cancelled_by AS CancelledBy, cancel_reason AS CancelReason,
               created_at AS CreatedAt, changed_at AS ChangedAt
        FROM appointments
        """;

    /// <summary>
    /// Stores a new appointment with its <c>Booked</c> event, its pending <paramref name="reminders"/> and the
    /// <paramref name="notices"/> about it, in one transaction.
    /// </summary>
    public async Task CreateAsync(
        Appointment appointment, AppointmentEvent booked, IReadOnlyList<ReminderDue> reminders, AppointmentNotices? notices = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO appointments (id, person_id, organisation_id, organisation_name, booked_by_user_id, booked_by_name, starts_at, ends_at,
                                      kind, location, attendees, topic, bring, status, version, reschedule_message, cancelled_by, cancel_reason,
                                      created_at, changed_at)
            VALUES (@Id, @PersonId, @OrganisationId, @OrganisationName, @BookedByUserId, @BookedByName, @StartsAt, @EndsAt,
                    @Kind, @Location, @Attendees, @Topic, @Bring, @Status, @Version, @RescheduleMessage, @CancelledBy, @CancelReason,
                    @CreatedAt, @ChangedAt)
            """,
            RowOf(appointment), transaction, cancellationToken: cancellationToken));
        await AddEventAsync(connection, transaction, booked, cancellationToken);
        await ReminderStore.PlanAsync(connection, transaction, appointment, reminders, cancellationToken);
        await WriteNoticesAsync(connection, transaction, notices, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Writes a change made to <paramref name="appointment"/> with its event, only if the stored row still has the status
    /// and version it was read with; false (nothing written, nobody told) when someone else changed it first. With
    /// <paramref name="reminders"/> (after a move or a cancellation) the pending reminders of the versions before are
    /// dropped and these are planned for the new version; null leaves them as they are. The <paramref name="notices"/>
    /// are written in the same transaction.
    /// </summary>
    public async Task<bool> UpdateAsync(
        Appointment appointment, AppointmentStatus readStatus, int readVersion, AppointmentEvent change, IReadOnlyList<ReminderDue>? reminders,
        AppointmentNotices? notices = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var row = RowOf(appointment);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE appointments
            SET starts_at = @StartsAt, ends_at = @EndsAt, kind = @Kind, location = @Location, attendees = @Attendees, topic = @Topic,
                bring = @Bring, status = @Status, version = @Version, reschedule_message = @RescheduleMessage, cancelled_by = @CancelledBy,
                cancel_reason = @CancelReason, changed_at = @ChangedAt
            WHERE id = @Id AND status = @ReadStatus AND version = @ReadVersion
            """,
            new
            {
                row.Id, row.StartsAt, row.EndsAt, row.Kind, row.Location, row.Attendees, row.Topic, row.Bring, row.Status, row.Version,
                row.RescheduleMessage, row.CancelledBy, row.CancelReason, row.ChangedAt, ReadStatus = readStatus.ToString(), ReadVersion = readVersion,
            },
            transaction, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await AddEventAsync(connection, transaction, change, cancellationToken);
        if (reminders is not null)
        {
            await ReminderStore.DropPendingAsync(connection, transaction, appointment.Id, appointment.ChangedAt, cancellationToken);
            await ReminderStore.PlanAsync(connection, transaction, appointment, reminders, cancellationToken);
        }

        await WriteNoticesAsync(connection, transaction, notices, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>One appointment as stored, read inside <paramref name="transaction"/> (for the reminder delivery).</summary>
    internal static async Task<Appointment?> FindAsync(DbConnection connection, DbTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<AppointmentRow>(new CommandDefinition(
            $"{SelectAppointment} WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : Restore(row);
    }

    public async Task<Appointment?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AppointmentRow>(new CommandDefinition(
            $"{SelectAppointment} WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row is null ? null : Restore(row);
    }

    /// <summary>All of a person's appointments, earliest first.</summary>
    public Task<IReadOnlyList<Appointment>> ListForPersonAsync(Guid personId, CancellationToken cancellationToken = default) =>
        ListAsync("WHERE person_id = @personId", new { personId }, cancellationToken);

    /// <summary>A person's appointments with one organisation, earliest first.</summary>
    public Task<IReadOnlyList<Appointment>> ListForPersonAsync(Guid personId, Guid organisationId, CancellationToken cancellationToken = default) =>
        ListAsync("WHERE person_id = @personId AND organisation_id = @organisationId", new { personId, organisationId }, cancellationToken);

    /// <summary>Per person, the start of their next appointment with this organisation that is not cancelled and not over.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> NextStartsAsync(Guid organisationId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<NextStartRow>(new CommandDefinition(
            """
            SELECT person_id AS PersonId, MIN(starts_at) AS StartsAt FROM appointments
            WHERE organisation_id = @organisationId AND status <> @cancelled AND ends_at > @now
            GROUP BY person_id
            """,
            new { organisationId, now, cancelled = nameof(AppointmentStatus.Cancelled) }, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.PersonId, row => row.StartsAt);
    }

    /// <summary>
    /// Per person, when their last appointment with this organisation that took place ended: not cancelled and over.
    /// The caseload's "last contact".
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> LastContactsAsync(Guid organisationId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<NextStartRow>(new CommandDefinition(
            """
            SELECT person_id AS PersonId, MAX(ends_at) AS StartsAt FROM appointments
            WHERE organisation_id = @organisationId AND status <> @cancelled AND ends_at <= @now
            GROUP BY person_id
            """,
            new { organisationId, now, cancelled = nameof(AppointmentStatus.Cancelled) }, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.PersonId, row => row.StartsAt);
    }

    /// <summary>Marks whether the appointment took place or was missed (in-view reads it); false when it is cancelled or not yet begun by <paramref name="now"/>.</summary>
    public async Task<bool> MarkAttendanceAsync(Guid id, AppointmentAttendance attendance, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE appointments SET attendance = @attendance, attendance_marked_at = @now
            WHERE id = @id AND status <> @cancelled AND starts_at <= @now
            """,
            new { id, attendance = attendance.ToString(), now, cancelled = nameof(AppointmentStatus.Cancelled) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// A staff account is erased: its name leaves the appointments it booked (they stay the person's, with the
    /// organisation's name); the ids are emptied by the cascade.
    /// </summary>
    public async Task ForgetStaffAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE appointments SET booked_by_name = '' WHERE booked_by_user_id = @userId", new { userId }, cancellationToken: cancellationToken));
    }

    /// <summary>An appointment's history, oldest first.</summary>
    public async Task<IReadOnlyList<AppointmentEvent>> ListEventsAsync(Guid appointmentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AppointmentEventRow>(new CommandDefinition(
            """
            SELECT id AS Id, appointment_id AS AppointmentId, at AS At, party AS Party, actor_user_id AS ActorUserId, event AS Event,
                   version AS Version, starts_at AS StartsAt, ends_at AS EndsAt, note AS Note
            FROM appointment_events WHERE appointment_id = @appointmentId ORDER BY at, id
            """,
            new { appointmentId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => new AppointmentEvent(
            row.Id, row.AppointmentId, row.At, Enum.Parse<AppointmentParty>(row.Party), row.ActorUserId, Enum.Parse<AppointmentEventKind>(row.Event),
            row.Version, row.StartsAt, row.EndsAt, row.Note))];
    }

    private async Task<IReadOnlyList<Appointment>> ListAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AppointmentRow>(new CommandDefinition(
            $"{SelectAppointment} {where} ORDER BY starts_at, id", parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(Restore)];
    }

    // Last in the transaction, so the notices exist exactly when the change does.
    private static Task WriteNoticesAsync(DbConnection connection, DbTransaction transaction, AppointmentNotices? notices, CancellationToken cancellationToken) =>
        notices is null ? Task.CompletedTask : PersonNotices.WriteAsync(connection, transaction, notices.Notices, cancellationToken);

    private static Task<int> AddEventAsync(DbConnection connection, DbTransaction transaction, AppointmentEvent change, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO appointment_events (id, appointment_id, at, party, actor_user_id, event, version, starts_at, ends_at, note)
            VALUES (@Id, @AppointmentId, @At, @Party, @ActorUserId, @Event, @Version, @StartsAt, @EndsAt, @Note)
            """,
            new
            {
                change.Id, change.AppointmentId, change.At, Party = change.Party.ToString(), change.ActorUserId, Event = change.Event.ToString(),
                change.Version, change.StartsAt, change.EndsAt, change.Note,
            },
            transaction, cancellationToken: cancellationToken));

    private static AppointmentRow RowOf(Appointment appointment) => new()
    {
        Id = appointment.Id,
        PersonId = appointment.PersonId,
        OrganisationId = appointment.OrganisationId,
        OrganisationName = appointment.OrganisationName,
        BookedByUserId = appointment.BookedByUserId,
        BookedByName = appointment.BookedByName,
        StartsAt = appointment.Details.StartsAt,
        EndsAt = appointment.Details.EndsAt,
        Kind = appointment.Details.Kind.ToString(),
        Location = appointment.Details.Location,
        Attendees = appointment.Details.Attendees,
        Topic = appointment.Details.Topic,
        Bring = appointment.Details.Bring,
        Status = appointment.Status.ToString(),
        Version = appointment.Version,
        RescheduleMessage = appointment.RescheduleMessage,
        CancelledBy = appointment.CancelledBy?.ToString(),
        CancelReason = appointment.CancelReason,
        CreatedAt = appointment.CreatedAt,
        ChangedAt = appointment.ChangedAt,
    };

    private static Appointment Restore(AppointmentRow row) =>
        new Appointment(
                row.Id, row.PersonId, row.OrganisationId, row.BookedByUserId, row.BookedByName, row.OrganisationName,
                new AppointmentDetails(row.StartsAt, row.EndsAt, Enum.Parse<AppointmentKind>(row.Kind), row.Location, row.Attendees, row.Topic, row.Bring),
                Enum.Parse<AppointmentStatus>(row.Status), row.Version, row.CreatedAt, row.ChangedAt)
            .WithAnswers(row.RescheduleMessage, row.CancelledBy is null ? null : Enum.Parse<AppointmentParty>(row.CancelledBy), row.CancelReason);

    private sealed class NextStartRow
    {
        public Guid PersonId { get; set; }

        public DateTimeOffset StartsAt { get; set; }
    }

    private sealed class AppointmentEventRow
    {
        public Guid Id { get; set; }

        public Guid AppointmentId { get; set; }

        public DateTimeOffset At { get; set; }

        public string Party { get; set; } = "";

        public Guid? ActorUserId { get; set; }

        public string Event { get; set; } = "";

        public int Version { get; set; }

        public DateTimeOffset StartsAt { get; set; }

        public DateTimeOffset EndsAt { get; set; }

        public string? Note { get; set; }
    }
}
