using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Consent;

/// <summary>The access log: appended by the personal-data gate, read only by the data's owner.</summary>
public sealed class AccessLogRepository(PassportDatabase database)
{
    private const string InsertInto = """
        INSERT INTO access_log (id, subject_user_id, accessed_at, actor_user_id, actor_name, organisation_id, organisation_name,
                                categories, purpose, channel)
        VALUES
        """;

    private const int Columns = 10;

    /// <summary>
    /// Rows per statement of <see cref="AppendManyAsync"/>: SQLite's historical limit of 999 parameters in one
    /// statement (newer builds allow more, but need not) divided by the columns.
    /// </summary>
    private const int RowsPerStatement = 999 / Columns;

    public async Task AppendAsync(AccessLogRow entry, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"{InsertInto} (@Id, @SubjectUserId, @AccessedAt, @ActorUserId, @ActorName, @OrganisationId, @OrganisationName, @Categories, @Purpose, @Channel)",
            entry, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Appends many entries at once, e.g. one per person on a list shown to staff: multi-row INSERTs (one for up to
    /// <see cref="RowsPerStatement"/> entries) in one transaction, so either every read is logged or none is and the
    /// list is not shown. One round trip per hundred people instead of one per person.
    /// </summary>
    public async Task AppendManyAsync(IReadOnlyList<AccessLogRow> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in entries.Chunk(RowsPerStatement))
        {
            var parameters = new DynamicParameters();
            var values = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                var entry = chunk[i];
                values.Add($"(@id{i}, @subject{i}, @at{i}, @actor{i}, @actorName{i}, @org{i}, @orgName{i}, @categories{i}, @purpose{i}, @channel{i})");
                parameters.Add($"id{i}", entry.Id);
                parameters.Add($"subject{i}", entry.SubjectUserId);
                parameters.Add($"at{i}", entry.AccessedAt);
                parameters.Add($"actor{i}", entry.ActorUserId);
                parameters.Add($"actorName{i}", entry.ActorName);
                parameters.Add($"org{i}", entry.OrganisationId);
                parameters.Add($"orgName{i}", entry.OrganisationName);
                parameters.Add($"categories{i}", entry.Categories);
                parameters.Add($"purpose{i}", entry.Purpose);
                parameters.Add($"channel{i}", entry.Channel);
            }

            await connection.ExecuteAsync(new CommandDefinition(
                $"{InsertInto} {string.Join(", ", values)}", parameters, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
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
            SELECT id AS Id, subject_user_id AS SubjectUserId, accessed_at AS AccessedAt, actor_user_id AS ActorUserId,
                   actor_name AS ActorName, organisation_id AS OrganisationId, organisation_name AS OrganisationName,
                   categories AS Categories, purpose AS Purpose, channel AS Channel
            FROM access_log
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
