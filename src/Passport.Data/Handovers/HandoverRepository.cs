using System.Data.Common;
using System.Text.Json;
using Dapper;
using Passport.Data.Database;
using Passport.Data.Notifications;
using Passport.Domain.Handovers;

namespace Passport.Data.Handovers;

/// <summary>A stored hand-over, with the consent the young person gave the receiving organisation through it (if any).</summary>
public sealed record StoredHandover(Handover Handover, Guid? ConsentId);

/// <summary>
/// Warm hand-overs (<c>handovers</c>, <c>handover_history</c>): a save writes the new version, the new history and
/// the notices the move causes in one transaction, and only over the version it was loaded at, so two writers (two
/// hosts expiring the same hand-over, say) can never both win and nobody is told of a move that was not stored.
/// </summary>
public sealed class HandoverRepository(PassportDatabase database)
{
    private const string SelectHandover =
        """
        SELECT id AS Id, person_id AS PersonId, sending_organisation_id AS SendingOrganisationId, sending_contact_person_id AS SendingContactPersonId,
               receiving_organisation_id AS ReceivingOrganisationId, receiving_person_id AS ReceivingPersonId, note_done AS NoteDone,
               note_wants AS NoteWants, note_watch_for AS NoteWatchFor, travelling_step_ids AS TravellingStepIds, status AS Status,
               proposed_at AS ProposedAt, expires_at AS ExpiresAt, consented_at AS ConsentedAt, accepted_at AS AcceptedAt,
               new_contact_person_id AS NewContactPersonId, met_at AS MetAt, completed_at AS CompletedAt, declined_by AS DeclinedBy,
               declined_reason AS DeclinedReason, version AS Version, consent_id AS ConsentId
        FROM handovers
        """;

    /// <summary>The statuses a hand-over can still move from.</summary>
    private const string OpenStatuses = "('Proposed', 'Consented', 'Accepted')";

    public async Task<StoredHandover?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await LoadAsync(connection, $"{SelectHandover} WHERE id = @id", new { id }, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The person's hand-overs, the newest first.</summary>
    public async Task<IReadOnlyList<StoredHandover>> ListOfPersonAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await LoadAsync(connection, $"{SelectHandover} WHERE person_id = @personId ORDER BY proposed_at DESC, id", new { personId }, cancellationToken);
    }

    /// <summary>The hand-overs an organisation sends or receives, the newest first.</summary>
    public async Task<IReadOnlyList<StoredHandover>> ListOfOrganisationAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await LoadAsync(
            connection,
            $"{SelectHandover} WHERE sending_organisation_id = @organisationId OR receiving_organisation_id = @organisationId ORDER BY proposed_at DESC, id",
            new { organisationId }, cancellationToken);
    }

    /// <summary>Up to <paramref name="batchSize"/> hand-overs whose lifetime passed while they were still open (<c>ix_handovers_open</c>).</summary>
    public async Task<IReadOnlyList<Guid>> DueAsync(DateTimeOffset now, int batchSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<Guid>(new CommandDefinition(
            $"SELECT id FROM handovers WHERE status IN {OpenStatuses} AND expires_at <= @now ORDER BY expires_at, id LIMIT @batchSize",
            new { now, batchSize }, cancellationToken: cancellationToken))];
    }

    /// <summary>Hand-overs completed after <paramref name="since"/>: their sending side is still in its overlap.</summary>
    public async Task<IReadOnlyList<StoredHandover>> CompletedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await LoadAsync(
            connection, $"{SelectHandover} WHERE status = 'Completed' AND completed_at > @since ORDER BY completed_at, id", new { since }, cancellationToken);
    }

    /// <summary>Stores a new hand-over with its first history entry and the notices of its proposal.</summary>
    public async Task InsertAsync(Handover handover, IReadOnlyList<PersonNotice> notices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handover);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO handovers (id, person_id, sending_organisation_id, sending_contact_person_id, receiving_organisation_id, receiving_person_id,
                                   note_done, note_wants, note_watch_for, travelling_step_ids, status, proposed_at, expires_at, version)
            VALUES (@Id, @PersonId, @SendingOrganisationId, @SendingContactPersonId, @ReceivingOrganisationId, @ReceivingPersonId,
                    @NoteDone, @NoteWants, @NoteWatchFor, @TravellingStepIds, @Status, @ProposedAt, @ExpiresAt, @Version)
            """,
            new
            {
                handover.Id, handover.PersonId, handover.SendingOrganisationId, handover.SendingContactPersonId, handover.ReceivingOrganisationId,
                handover.ReceivingPersonId, NoteDone = handover.Note.Done, NoteWants = handover.Note.Wants, NoteWatchFor = handover.Note.WatchFor,
                TravellingStepIds = JsonSerializer.Serialize(handover.TravellingStepIds.Order()), Status = handover.Status.ToString(),
                handover.ProposedAt, handover.ExpiresAt, handover.Version,
            },
            transaction, cancellationToken: cancellationToken));
        await WriteHistoryAsync(connection, transaction, handover, cancellationToken);
        await PersonNotices.WriteAsync(connection, transaction, notices, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        handover.MarkSaved();
    }

    /// <summary>
    /// Stores the moves made since the hand-over was loaded at <paramref name="loadedVersion"/>, with their notices and
    /// (once the young person consented) the consent it gave; false, with nothing written, when the stored hand-over
    /// is no longer at that version.
    /// </summary>
    public async Task<bool> SaveAsync(
        Handover handover, int loadedVersion, IReadOnlyList<PersonNotice> notices, Guid? consentId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handover);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE handovers
            SET status = @Status, consented_at = @ConsentedAt, accepted_at = @AcceptedAt, new_contact_person_id = @NewContactPersonId, met_at = @MetAt,
                completed_at = @CompletedAt, declined_by = @DeclinedBy, declined_reason = @DeclinedReason, version = @Version,
                consent_id = COALESCE(@consentId, consent_id)
            WHERE id = @Id AND version = @loadedVersion
            """,
            new
            {
                handover.Id, Status = handover.Status.ToString(), handover.ConsentedAt, handover.AcceptedAt, handover.NewContactPersonId, handover.MetAt,
                handover.CompletedAt, DeclinedBy = handover.DeclinedBy?.ToString(), handover.DeclinedReason, handover.Version, consentId, loadedVersion,
            },
            transaction, cancellationToken: cancellationToken));
        if (written != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await WriteHistoryAsync(connection, transaction, handover, cancellationToken);
        await PersonNotices.WriteAsync(connection, transaction, notices, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        handover.MarkSaved();
        return true;
    }

    /// <summary>
    /// A staff account is being erased: its name leaves the histories of other people's hand-overs (the entries stay,
    /// so each still says what happened and when); the ids go with the account (ON DELETE SET NULL).
    /// </summary>
    public async Task ForgetStaffAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE handover_history SET actor_name = '', actor_user_id = NULL WHERE actor_user_id = @userId AND actor_side <> 'Person'",
            new { userId }, cancellationToken: cancellationToken));
    }

    private static async Task WriteHistoryAsync(DbConnection connection, DbTransaction transaction, Handover handover, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO handover_history (id, handover_id, at, status, actor_user_id, actor_side, actor_name, organisation_name, detail)
            VALUES (@Id, @HandoverId, @At, @Status, @ActorUserId, @ActorSide, @ActorName, @OrganisationName, @Detail)
            """,
            handover.NewHistory.Select(entry => new
            {
                entry.Id, HandoverId = handover.Id, entry.At, Status = entry.Status.ToString(), entry.ActorUserId, ActorSide = entry.ActorSide?.ToString(),
                entry.ActorName, entry.OrganisationName, entry.Detail,
            }),
            transaction, cancellationToken: cancellationToken));

    private static async Task<IReadOnlyList<StoredHandover>> LoadAsync(DbConnection connection, string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<HandoverRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var history = new List<HistoryRow>();
        // One query per hand-over: a list parameter is expanded on SQLite but sent as an array to PostgreSQL.
        foreach (var row in rows)
        {
            history.AddRange(await connection.QueryAsync<HistoryRow>(new CommandDefinition(
                """
                SELECT id AS Id, handover_id AS HandoverId, at AS At, status AS Status, actor_user_id AS ActorUserId, actor_side AS ActorSide,
                       actor_name AS ActorName, organisation_name AS OrganisationName, detail AS Detail
                FROM handover_history WHERE handover_id = @id ORDER BY at, id
                """,
                new { id = row.Id }, cancellationToken: cancellationToken)));
        }

        var byHandover = history.ToLookup(entry => entry.HandoverId);
        return [.. rows.Select(row => new StoredHandover(row.ToDomain(byHandover[row.Id]), row.ConsentId))];
    }

    private sealed class HandoverRow
    {
        public Guid Id { get; set; }

        public Guid PersonId { get; set; }

        public Guid SendingOrganisationId { get; set; }

        public Guid? SendingContactPersonId { get; set; }

        public Guid ReceivingOrganisationId { get; set; }

        public Guid? ReceivingPersonId { get; set; }

        public string NoteDone { get; set; } = "";

        public string NoteWants { get; set; } = "";

        public string? NoteWatchFor { get; set; }

        public string TravellingStepIds { get; set; } = "[]";

        public string Status { get; set; } = "";

        public DateTimeOffset ProposedAt { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        public DateTimeOffset? ConsentedAt { get; set; }

        public DateTimeOffset? AcceptedAt { get; set; }

        public Guid? NewContactPersonId { get; set; }

        public DateTimeOffset? MetAt { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }

        public string? DeclinedBy { get; set; }

        public string? DeclinedReason { get; set; }

        public int Version { get; set; }

        public Guid? ConsentId { get; set; }

        public Handover ToDomain(IEnumerable<HistoryRow> history) =>
            Handover.Restore(
                Id, PersonId, SendingOrganisationId, SendingContactPersonId, ReceivingOrganisationId, ReceivingPersonId,
                new HandoverNote(NoteDone, NoteWants, NoteWatchFor), JsonSerializer.Deserialize<Guid[]>(TravellingStepIds) ?? [],
                Enum.Parse<HandoverStatus>(Status), ProposedAt, ExpiresAt, Version,
                history.Select(entry => new HandoverHistoryEntry(
                    entry.Id, entry.At, Enum.Parse<HandoverStatus>(entry.Status), entry.ActorUserId,
                    entry.ActorSide is null ? null : Enum.Parse<HandoverSide>(entry.ActorSide), entry.ActorName, entry.OrganisationName, entry.Detail)))
            .WithProgress(
                ConsentedAt, AcceptedAt, NewContactPersonId, MetAt, CompletedAt, DeclinedBy is null ? null : Enum.Parse<HandoverSide>(DeclinedBy), DeclinedReason);
    }

    private sealed class HistoryRow
    {
        public Guid Id { get; set; }

        public Guid HandoverId { get; set; }

        public DateTimeOffset At { get; set; }

        public string Status { get; set; } = "";

        public Guid? ActorUserId { get; set; }

        public string? ActorSide { get; set; }

        public string? ActorName { get; set; }

        public string? OrganisationName { get; set; }

        public string? Detail { get; set; }
    }
}
