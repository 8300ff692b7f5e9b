using System.Data.Common;
using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Sprints;

/// <summary>Sprint sessions and their responses; the session grains and the job seeker's passport read and write here.</summary>
public sealed class SprintRepository(PassportDatabase database) : ISprintSessionStore, IDisposable
{
    private const string SessionColumns =
        """
        id AS Id, user_id AS UserId, sprint_id AS SprintId, status AS Status, language AS Language,
        current_item_id AS CurrentItemId, current_presented_at AS CurrentPresentedAt, presented_count AS PresentedCount,
        completion_xp AS CompletionXp, created_at AS CreatedAt, updated_at AS UpdatedAt, completed_at AS CompletedAt,
        version AS Version
        """;

    private const string ResponseColumns =
        """
        session_id AS SessionId, item_id AS ItemId, user_id AS UserId, skill_id AS SkillId, position AS Position,
        answer AS Answer, category AS Category, xp AS Xp, answered_at AS AnsweredAt
        """;

    private readonly GroupCommit _writes = new(database);

    // Every write below may run twice over its own commit (GroupCommit retries a failed batch one write at a time,
    // and a batch can fail after committing), so each one reports what it finds rather than failing on it.
    public Task<SprintWrite> CreateSessionAsync(SprintSessionRow session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _writes.WriteAsync(
            async (connection, transaction) =>
            {
                var inserted = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO sprint_sessions (id, user_id, sprint_id, status, language, current_item_id, current_presented_at,
                                                 presented_count, completion_xp, created_at, updated_at, completed_at, version)
                    VALUES (@Id, @UserId, @SprintId, @Status, @Language, @CurrentItemId, @CurrentPresentedAt,
                            @PresentedCount, @CompletionXp, @CreatedAt, @UpdatedAt, @CompletedAt, @Version)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    session, transaction));
                if (inserted == 1)
                {
                    return SprintWrite.Stored;
                }

                var stored = await connection.QuerySingleAsync<SprintSessionRow>(new CommandDefinition(
                    $"SELECT {SessionColumns} FROM sprint_sessions WHERE id = @Id", session, transaction));
                return stored.UserId == session.UserId && stored.SprintId == session.SprintId ? SprintWrite.AlreadyStored : SprintWrite.Conflict;
            },
            cancellationToken);
    }

    public async Task<SprintSessionRow?> GetSessionAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SprintSessionRow>(new CommandDefinition(
            $"SELECT {SessionColumns} FROM sprint_sessions WHERE id = @sessionId", new { sessionId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<SprintSessionRow>> GetSessionsOfUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SprintSessionRow>(new CommandDefinition(
            $"SELECT {SessionColumns} FROM sprint_sessions WHERE user_id = @userId ORDER BY created_at",
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<IReadOnlyList<SprintResponseRow>> GetResponsesOfSessionAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SprintResponseRow>(new CommandDefinition(
            $"SELECT {ResponseColumns} FROM sprint_responses WHERE session_id = @sessionId ORDER BY position",
            new { sessionId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<IReadOnlyList<SprintResponseRow>> GetResponsesOfUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<SprintResponseRow>(new CommandDefinition(
            $"SELECT {ResponseColumns} FROM sprint_responses WHERE user_id = @userId ORDER BY answered_at, position",
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Saves where the session stands (status, current item, XP) without a response; see <see cref="ISprintSessionStore.UpdateSessionAsync"/>.</summary>
    public Task<SprintWrite> UpdateSessionAsync(SprintSessionRow session, CancellationToken cancellationToken = default) =>
        _writes.WriteAsync(
            async (connection, transaction) => await UpdateAsync(connection, transaction, session) ? SprintWrite.Stored : SprintWrite.Conflict,
            cancellationToken);

    /// <summary>
    /// Stores a response and the session's new position in one transaction, so after a crash the session is
    /// either before the answer (and the client's retry is scored) or after it (and the retry is recognised).
    /// Completes only once committed; answers arriving together share the commit (<see cref="GroupCommit"/>).
    /// </summary>
    public Task<SprintWrite> RecordResponseAsync(SprintResponseRow response, SprintSessionRow session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        return _writes.WriteAsync(
            async (connection, transaction) =>
            {
                var inserted = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO sprint_responses (session_id, item_id, user_id, skill_id, position, answer, category, xp, answered_at)
                    VALUES (@SessionId, @ItemId, @UserId, @SkillId, @Position, @Answer, @Category, @Xp, @AnsweredAt)
                    ON CONFLICT (session_id, item_id) DO NOTHING
                    """,
                    response, transaction));
                if (inserted == 0)
                {
                    // The item has a response already: this very one (committed before, its caller saw an error),
                    // or another. Either way the session row is left alone: it moved on with that response.
                    var stored = await connection.QuerySingleAsync<SprintResponseRow>(new CommandDefinition(
                        $"SELECT {ResponseColumns} FROM sprint_responses WHERE session_id = @SessionId AND item_id = @ItemId", response, transaction));
                    return SameContent(stored, response) ? SprintWrite.AlreadyStored : SprintWrite.Conflict;
                }

                if (await UpdateAsync(connection, transaction, session))
                {
                    return SprintWrite.Stored;
                }

                // Another version of the session: the response goes with the step it was given in, or not at all. The
                // row was inserted by this transaction, so removing it leaves the table as it was; other writes of a
                // shared transaction are untouched.
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM sprint_responses WHERE session_id = @SessionId AND item_id = @ItemId", response, transaction));
                return SprintWrite.Conflict;
            },
            cancellationToken);
    }

    public void Dispose() => _writes.Dispose();

    private static bool SameContent(SprintResponseRow stored, SprintResponseRow response) =>
        stored.UserId == response.UserId && stored.SkillId == response.SkillId && stored.Position == response.Position
        && stored.Answer == response.Answer && stored.Category == response.Category && stored.Xp == response.Xp;

    /// <summary>True when the row was at the version just before the session's; false (nothing written) otherwise.</summary>
    private static async Task<bool> UpdateAsync(DbConnection connection, DbTransaction transaction, SprintSessionRow session) =>
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sprint_sessions
            SET status = @Status, language = @Language, current_item_id = @CurrentItemId, current_presented_at = @CurrentPresentedAt,
                presented_count = @PresentedCount, completion_xp = @CompletionXp, updated_at = @UpdatedAt, completed_at = @CompletedAt,
                version = @Version
            WHERE id = @Id AND version = @Version - 1
            """,
            session, transaction)) == 1;
}
