using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Appointments;

/// <summary>A person's calendar feed: the id that its token is derived from, and when it started.</summary>
public sealed record CalendarFeed(Guid Id, Guid PersonId, DateTimeOffset CreatedAt);

/// <summary>
/// Calendar feeds, looked up by the hash of their token only. At most one feed per person is active (a unique index
/// over the active ones), so two requests that race to create one end with the same feed.
/// </summary>
public sealed class CalendarFeedRepository(PassportDatabase database)
{
    private const string SelectFeed = "SELECT id AS Id, person_id AS PersonId, created_at AS CreatedAt FROM calendar_feeds";

    /// <summary>The person's active feed, or null.</summary>
    public async Task<CalendarFeed?> FindActiveAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FeedRow>(new CommandDefinition(
            $"{SelectFeed} WHERE person_id = @personId AND revoked_at IS NULL", new { personId }, cancellationToken: cancellationToken));
        return row?.ToFeed();
    }

    /// <summary>The active feed with this token hash, or null (unknown or revoked).</summary>
    public async Task<CalendarFeed?> FindActiveByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FeedRow>(new CommandDefinition(
            $"{SelectFeed} WHERE token_hash = @tokenHash AND revoked_at IS NULL", new { tokenHash }, cancellationToken: cancellationToken));
        return row?.ToFeed();
    }

    /// <summary>
    /// Revokes the person's active feed (when <paramref name="revokeActive"/>) and stores a new one in one transaction;
    /// false (nothing written) when another feed became active meanwhile.
    /// </summary>
    public async Task<bool> CreateAsync(CalendarFeed feed, string tokenHash, bool revokeActive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feed);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (revokeActive)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE calendar_feeds SET revoked_at = @now WHERE person_id = @personId AND revoked_at IS NULL",
                new { now = feed.CreatedAt, personId = feed.PersonId }, transaction, cancellationToken: cancellationToken));
        }

        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO calendar_feeds (id, person_id, token_hash, created_at) VALUES (@Id, @PersonId, @tokenHash, @CreatedAt)
            ON CONFLICT DO NOTHING
            """,
            new { feed.Id, feed.PersonId, tokenHash, feed.CreatedAt }, transaction, cancellationToken: cancellationToken));
        if (inserted != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Revokes the person's active feed; false when there was none.</summary>
    public async Task<bool> RevokeAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE calendar_feeds SET revoked_at = @now WHERE person_id = @personId AND revoked_at IS NULL",
            new { now, personId }, cancellationToken: cancellationToken)) > 0;
    }

    private sealed class FeedRow
    {
        public Guid Id { get; set; }

        public Guid PersonId { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public CalendarFeed ToFeed() => new(Id, PersonId, CreatedAt);
    }
}
