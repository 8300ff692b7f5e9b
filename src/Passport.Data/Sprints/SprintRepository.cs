using System.Data.Common;
using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Sprints;

/// <summary>Sprint sessions and their responses; the session grains and the job seeker's passport read and write here.</summary>
public sealed class SprintRepository(PassportDatabase database) : IDisposable
{
    private const string SessionColumns =
        """
        id AS Id, user_id AS UserId, sprint_id AS SprintId, status AS Status, language AS Language,
        current_item_id AS CurrentItemId, current_presented_at AS CurrentPresentedAt, presented_count AS PresentedCount,
        completion_xp AS CompletionXp, created_at AS CreatedAt, updated_at AS UpdatedAt, completed_at AS CompletedAt
        """;

    private const string ResponseColumns =
        """
        session_id AS SessionId, item_id AS ItemId, user_id AS UserId, skill_id AS SkillId, position AS Position,
        answer AS Answer, category AS Category, xp AS Xp, answered_at AS AnsweredAt
        """;

    private readonly GroupCommit _writes = new(database);

    public Task CreateSessionAsync(SprintSessionRow session, CancellationToken cancellationToken = default) =>
        _writes.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO sprint_sessions (id, user_id, sprint_id, status, language, current_item_id, current_presented_at,
                                             presented_count, completion_xp, created_at, updated_at, completed_at)
                VALUES (@Id, @UserId, @SprintId, @Status, @Language, @CurrentItemId, @CurrentPresentedAt,
                        @PresentedCount, @CompletionXp, @CreatedAt, @UpdatedAt, @CompletedAt)
                """,
                session, transaction)),
            cancellationToken);

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

    /// <summary>Saves where the session stands (status, current item, XP) without a response.</summary>
    public Task UpdateSessionAsync(SprintSessionRow session, CancellationToken cancellationToken = default) =>
        _writes.WriteAsync((connection, transaction) => UpdateAsync(connection, transaction, session, CancellationToken.None), cancellationToken);

    /// <summary>
    /// Stores a response and the session's new position in one transaction, so after a crash the session is
    /// either before the answer (and the client's retry is scored) or after it (and the retry is recognised).
    /// Completes only once committed; answers arriving together share the commit (<see cref="GroupCommit"/>).
    /// </summary>
    public Task RecordResponseAsync(SprintResponseRow response, SprintSessionRow session, CancellationToken cancellationToken = default) =>
        _writes.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO sprint_responses (session_id, item_id, user_id, skill_id, position, answer, category, xp, answered_at)
                    VALUES (@SessionId, @ItemId, @UserId, @SkillId, @Position, @Answer, @Category, @Xp, @AnsweredAt)
                    """,
                    response, transaction));
                await UpdateAsync(connection, transaction, session, CancellationToken.None);
            },
            cancellationToken);

    public void Dispose() => _writes.Dispose();

    private static Task<int> UpdateAsync(DbConnection connection, DbTransaction? transaction, SprintSessionRow session, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sprint_sessions
            SET status = @Status, current_item_id = @CurrentItemId, current_presented_at = @CurrentPresentedAt,
                presented_count = @PresentedCount, completion_xp = @CompletionXp, updated_at = @UpdatedAt, completed_at = @CompletedAt
            WHERE id = @Id
            """,
            session, transaction, cancellationToken: cancellationToken));
}
