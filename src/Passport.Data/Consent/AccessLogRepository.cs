using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Consent;

/// <summary>
/// The access log as its owner reads it. Entries are written only by <see cref="AccessLogWriter"/>, which is internal to
/// this project and the application layer's personal-data door.
/// </summary>
public sealed class AccessLogRepository(PassportDatabase database)
{
    private const string SelectEntry = """
        SELECT id AS Id, subject_user_id AS SubjectUserId, accessed_at AS AccessedAt, actor_user_id AS ActorUserId,
               actor_name AS ActorName, organisation_id AS OrganisationId, organisation_name AS OrganisationName,
               categories AS Categories, purpose AS Purpose, channel AS Channel
        FROM access_log
        """;

    /// <summary>One page of the subject's log, the newest entries first.</summary>
    public async Task<IReadOnlyList<AccessLogRow>> ListForSubjectAsync(Guid subjectUserId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AccessLogRow>(new CommandDefinition(
            $"{SelectEntry} WHERE subject_user_id = @subjectUserId ORDER BY accessed_at DESC, id DESC {page.Sql}",
            new { subjectUserId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>
    /// The newest entries first, at most <paramref name="limit"/>. With <paramref name="before"/> (the time of the
    /// last entry seen) only older ones; with <paramref name="beforeId"/> as well, entries at that very time that come
    /// after it in this order too, so paging never skips two reads that share a timestamp.
    /// </summary>
    public async Task<IReadOnlyList<AccessLogRow>> ListForSubjectAsync(
        Guid subjectUserId, int limit, DateTimeOffset? before = null, Guid? beforeId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var older = (before, beforeId) switch
        {
            (null, _) => "",
            (_, null) => "AND accessed_at < @before",
            _ => "AND (accessed_at < @before OR (accessed_at = @before AND id < @beforeId))",
        };
        var rows = await connection.QueryAsync<AccessLogRow>(new CommandDefinition(
            $"""
            {SelectEntry}
            WHERE subject_user_id = @subjectUserId {older}
            ORDER BY accessed_at DESC, id DESC
            LIMIT @limit
            """,
            new { subjectUserId, limit, before, beforeId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>
    /// A reader's account is erased: their name goes from the logs of the people they read. The organisation and
    /// the read itself stay, because they are the owner's record of who saw their data.
    /// </summary>
    public async Task ForgetReaderAsync(Guid actorUserId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE access_log SET actor_name = NULL, actor_user_id = NULL WHERE actor_user_id = @actorUserId",
            new { actorUserId }, cancellationToken: cancellationToken));
    }
}
