using System.Data.Common;
using Dapper;
using Passport.Data.Appointments;
using Passport.Data.Database;
using Passport.Data.Email;
using Passport.Data.Notifications;
using Passport.Domain.Appointments;
using Passport.Domain.Reminders;

namespace Passport.Data.Reminders;

/// <summary>A stored reminder as a delivery loop takes it.</summary>
public sealed record ReminderRecord
{
    public Guid Id { get; init; }

    public Guid AppointmentId { get; init; }

    public Guid PersonId { get; init; }

    public int AppointmentVersion { get; init; }

    public long LeadSeconds { get; init; }

    public DateTimeOffset DueAt { get; init; }

    /// <summary>Attempts begun, counting the one under way.</summary>
    public int Attempts { get; init; }

    public TimeSpan Lead => TimeSpan.FromSeconds(LeadSeconds);
}

/// <summary>A reminder one delivery loop holds until its lease ends.</summary>
public sealed record ReminderClaim(Guid LeaseToken, ReminderRecord Reminder);

/// <summary>The person a reminder is for, as they are when it is delivered.</summary>
public sealed record ReminderRecipient(Guid Id, string Email, string Language, string DisplayName, bool Active, NotificationChannels Channels);

/// <summary>What a due reminder becomes: the in-app message and the e-mail to write with it (either may be absent).</summary>
public sealed record ReminderMessages(NewNotification? Notification, OutgoingEmail? Email);

/// <summary>How a delivery ended.</summary>
public enum ReminderDelivered
{
    /// <summary>Written and marked Sent in one transaction.</summary>
    Sent,

    /// <summary>The appointment moved, was cancelled, or is gone: marked Dropped.</summary>
    Dropped,

    /// <summary>The appointment started before the reminder could go: marked Failed.</summary>
    TooLate,

    /// <summary>The lease had ended and another loop holds the row: nothing written.</summary>
    LeaseLost,
}

/// <summary>A reminder as the contact person sees it, with how its e-mail fared.</summary>
public sealed record ReminderView(
    Guid Id, Guid AppointmentId, int AppointmentVersion, TimeSpan Lead, DateTimeOffset DueAt, ReminderStatus Status, int Attempts,
    string? LastError, DateTimeOffset? SentAt, string? EmailStatus, string? EmailError);

/// <summary>
/// The reminders of appointments (<c>reminders</c>, docs/reminders.md). The appointment repository plans and drops them
/// inside its own transactions (<see cref="PlanAsync"/>, <see cref="DropPendingAsync"/>); a delivery loop claims due
/// ones under a lease as the e-mail outbox does, and delivers each in one transaction that writes its in-app message,
/// its e-mail and the Sent mark together, only while it still holds the lease and the row is still Pending. So a crash
/// at any point leaves either all three or none, and no second loop can write them again.
/// </summary>
public sealed class ReminderStore(PassportDatabase database)
{
    /// <summary>The longest last error kept.</summary>
    public const int MaxErrorLength = 1000;

    private const string Columns = """
        id AS Id, appointment_id AS AppointmentId, person_id AS PersonId, appointment_version AS AppointmentVersion,
        lead_seconds AS LeadSeconds, due_at AS DueAt, attempts AS Attempts
        """;

    private static readonly LeasedTable Leased = new(
        "reminders", Columns, ", finished_at = @now, last_error = 'The delivery stopped before it finished, at every attempt.'");

    /// <summary>Writes <paramref name="reminders"/> as Pending for the appointment's current version, in the caller's transaction.</summary>
    public static async Task PlanAsync(
        DbConnection connection, DbTransaction transaction, Appointment appointment, IReadOnlyList<ReminderDue> reminders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(reminders);
        foreach (var reminder in reminders)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO reminders (id, appointment_id, person_id, appointment_version, lead_seconds, due_at, status, attempts, next_attempt_at, created_at)
                VALUES (@Id, @AppointmentId, @PersonId, @Version, @LeadSeconds, @DueAt, '{ReminderStatus.Pending}', 0, @DueAt, @CreatedAt)
                """,
                new
                {
                    Id = Guid.CreateVersion7(), AppointmentId = appointment.Id, appointment.PersonId, appointment.Version,
                    LeadSeconds = (long)reminder.Lead.TotalSeconds, reminder.DueAt, CreatedAt = appointment.ChangedAt,
                },
                transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>Drops every Pending reminder of the appointment (it moved or was cancelled), in the caller's transaction.</summary>
    public static Task<int> DropPendingAsync(
        DbConnection connection, DbTransaction transaction, Guid appointmentId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE reminders SET status = '{ReminderStatus.Dropped}', lease_token = NULL, finished_at = @now
            WHERE appointment_id = @appointmentId AND status = '{ReminderStatus.Pending}'
            """,
            new { appointmentId, now }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Takes up to <paramref name="batchSize"/> due Pending reminders for <paramref name="lease"/>, each counting as an
    /// attempt. A due reminder whose attempts are used up (its earlier holders stopped mid-delivery) is marked Failed.
    /// </summary>
    public async Task<IReadOnlyList<ReminderClaim>> ClaimAsync(
        DateTimeOffset now, TimeSpan lease, int batchSize, int maxAttempts, CancellationToken cancellationToken)
    {
        var (token, claimed) = await LeasedWork.ClaimAsync<ReminderRecord>(database, Leased, now, lease, batchSize, maxAttempts, cancellationToken);
        return [.. claimed.OrderBy(reminder => reminder.DueAt).ThenBy(reminder => reminder.Id).Select(reminder => new ReminderClaim(token, reminder))];
    }

    /// <summary>
    /// Delivers a claimed reminder in one transaction: when its appointment is still at the reminder's version, not
    /// cancelled and not started, and its person exists, <paramref name="compose"/> says what to write, and that is
    /// written with the Sent mark; otherwise the reminder is Dropped (moved or cancelled) or Failed (too late).
    /// Nothing is written when the lease has ended.
    /// </summary>
    public async Task<ReminderDelivered> DeliverAsync(
        ReminderClaim claim, DateTimeOffset now, Func<Appointment, ReminderRecipient, ReminderMessages> compose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(compose);
        var reminder = claim.Reminder;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var appointment = await AppointmentRepository.FindAsync(connection, transaction, reminder.AppointmentId, cancellationToken);
        var recipient = await RecipientAsync(connection, transaction, reminder.PersonId, cancellationToken);
        ReminderDelivered result;
        int marked;
        if (appointment is null || recipient is null || appointment.Version != reminder.AppointmentVersion || appointment.Status == AppointmentStatus.Cancelled)
        {
            result = ReminderDelivered.Dropped;
            marked = await FinishAsync(connection, transaction, claim, ReminderStatus.Dropped, now, null, cancellationToken);
        }
        else if (appointment.Details.StartsAt <= now)
        {
            result = ReminderDelivered.TooLate;
            marked = await FinishAsync(
                connection, transaction, claim, ReminderStatus.Failed, now, "The appointment had started before the reminder could be sent.", cancellationToken);
        }
        else
        {
            result = ReminderDelivered.Sent;
            var messages = compose(appointment, recipient);
            if (messages.Notification is { } notification)
            {
                await Notifications.Notifications.AddAsync(connection, transaction, notification, cancellationToken);
            }

            if (messages.Email is { } email)
            {
                await Outbox.EnqueueAsync(connection, transaction, email, cancellationToken);
            }

            marked = await FinishAsync(connection, transaction, claim, ReminderStatus.Sent, now, null, cancellationToken);
        }

        if (marked != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return ReminderDelivered.LeaseLost;
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// The attempt failed with <paramref name="error"/>: the reminder waits until <paramref name="retryAt"/>, or is
    /// marked Failed when it has had <paramref name="maxAttempts"/>. Returns the status it got, or null when the lease had ended.
    /// </summary>
    public async Task<ReminderStatus?> MarkFailedAsync(
        ReminderClaim claim, string error, DateTimeOffset now, DateTimeOffset retryAt, int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(error);
        var status = claim.Reminder.Attempts >= maxAttempts ? ReminderStatus.Failed : ReminderStatus.Pending;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE reminders SET status = @Status, next_attempt_at = @retryAt, lease_token = NULL, last_error = @error,
                                 finished_at = CASE WHEN @Status = 'Failed' THEN @now ELSE NULL END
            WHERE id = @Id AND lease_token = @LeaseToken AND status = 'Pending'
            """,
            new
            {
                claim.Reminder.Id, claim.LeaseToken, Status = status.ToString(), retryAt, now,
                error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error,
            },
            cancellationToken: cancellationToken));
        return updated == 1 ? status : null;
    }

    /// <summary>The reminders of the person's <paramref name="appointments"/> at their current versions, with their e-mails' state, earliest first.</summary>
    public async Task<IReadOnlyList<ReminderView>> ListAsync(
        Guid personId, IReadOnlyCollection<Appointment> appointments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        if (appointments.Count == 0)
        {
            return [];
        }

        var versions = appointments.ToDictionary(appointment => appointment.Id, appointment => appointment.Version);
        var all = await ViewsAsync("r.person_id = @key", personId, cancellationToken);
        return [.. all.Where(view => versions.TryGetValue(view.AppointmentId, out var version) && version == view.AppointmentVersion)];
    }

    /// <summary>Every reminder of one appointment, all versions, earliest first.</summary>
    public Task<IReadOnlyList<ReminderView>> ListAllAsync(Guid appointmentId, CancellationToken cancellationToken = default) =>
        ViewsAsync("r.appointment_id = @key", appointmentId, cancellationToken);

    private async Task<IReadOnlyList<ReminderView>> ViewsAsync(string where, Guid key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ViewRow>(new CommandDefinition(
            $"""
            SELECT r.id AS Id, r.appointment_id AS AppointmentId, r.appointment_version AS AppointmentVersion, r.lead_seconds AS LeadSeconds,
                   r.due_at AS DueAt, r.status AS Status, r.attempts AS Attempts, r.last_error AS LastError, r.sent_at AS SentAt,
                   e.status AS EmailStatus, e.last_error AS EmailError
            FROM reminders r LEFT JOIN outgoing_emails e ON e.id = r.id
            WHERE {where}
            ORDER BY r.due_at, r.appointment_version, r.id
            """,
            new { key }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => new ReminderView(
            row.Id, row.AppointmentId, row.AppointmentVersion, TimeSpan.FromSeconds(row.LeadSeconds), row.DueAt, Enum.Parse<ReminderStatus>(row.Status),
            row.Attempts, row.LastError, row.SentAt, row.EmailStatus, row.EmailError))];
    }

    private static Task<int> FinishAsync(
        DbConnection connection, DbTransaction transaction, ReminderClaim claim, ReminderStatus status, DateTimeOffset now, string? error,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE reminders
            SET status = @Status, lease_token = NULL, finished_at = @now, last_error = COALESCE(@error, last_error),
                sent_at = CASE WHEN @Status = '{ReminderStatus.Sent}' THEN @now ELSE NULL END
            WHERE id = @Id AND lease_token = @LeaseToken AND status = '{ReminderStatus.Pending}'
            """,
            new { claim.Reminder.Id, claim.LeaseToken, Status = status.ToString(), now, error },
            transaction, cancellationToken: cancellationToken));

    private static async Task<ReminderRecipient?> RecipientAsync(DbConnection connection, DbTransaction transaction, Guid personId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RecipientRow>(new CommandDefinition(
            "SELECT email AS Email, language AS Language, display_name AS DisplayName, deactivated_at AS DeactivatedAt FROM users WHERE id = @personId",
            new { personId }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var channels = await Notifications.Notifications.ChannelsAsync(connection, transaction, personId, cancellationToken);
        return new ReminderRecipient(personId, row.Email, row.Language, row.DisplayName, row.DeactivatedAt is null, channels);
    }

    private sealed class RecipientRow
    {
        public string Email { get; set; } = "";

        public string Language { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public DateTimeOffset? DeactivatedAt { get; set; }
    }

    private sealed class ViewRow
    {
        public Guid Id { get; set; }

        public Guid AppointmentId { get; set; }

        public int AppointmentVersion { get; set; }

        public long LeadSeconds { get; set; }

        public DateTimeOffset DueAt { get; set; }

        public string Status { get; set; } = "";

        public int Attempts { get; set; }

        public string? LastError { get; set; }

        public DateTimeOffset? SentAt { get; set; }

        public string? EmailStatus { get; set; }

        public string? EmailError { get; set; }
    }
}
