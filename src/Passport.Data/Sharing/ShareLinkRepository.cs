using Dapper;
using Passport.Data.Database;
using Passport.Domain.Sharing;

namespace Passport.Data.Sharing;

/// <summary>
/// Share links of job seekers. Links are looked up by the hash of their token only; the token itself never reaches
/// the database. Status changes are conditional on the link still being active, so a revocation cannot be undone by
/// an open that raced it.
/// </summary>
public sealed class ShareLinkRepository(PassportDatabase database)
{
    private const string SelectLink =
        """
        SELECT id AS Id, user_id AS UserId, token_hash AS TokenHash, label AS Label, categories AS Categories, status AS Status,
               created_at AS CreatedAt, expires_at AS ExpiresAt, revoked_at AS RevokedAt, last_opened_at AS LastOpenedAt,
               open_count AS OpenCount
        FROM share_links
        """;

    public async Task CreateAsync(ShareLinkRow link, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO share_links (id, user_id, token_hash, label, categories, status, created_at, expires_at, revoked_at, last_opened_at, open_count)
            VALUES (@Id, @UserId, @TokenHash, @Label, @Categories, @Status, @CreatedAt, @ExpiresAt, @RevokedAt, @LastOpenedAt, @OpenCount)
            """,
            link, cancellationToken: cancellationToken));
    }

    public async Task<ShareLinkRow?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ShareLinkRow>(new CommandDefinition(
            $"{SelectLink} WHERE token_hash = @tokenHash", new { tokenHash }, cancellationToken: cancellationToken));
    }

    /// <summary>The owner's links, newest first.</summary>
    public Task<IReadOnlyList<ShareLinkRow>> ListForOwnerAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ListForOwnerAsync(userId, null, cancellationToken);

    /// <summary>One page of the same list, in the same order.</summary>
    public async Task<IReadOnlyList<ShareLinkRow>> ListForOwnerAsync(Guid userId, PageRequest? page, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ShareLinkRow>(new CommandDefinition(
            $"{SelectLink} WHERE user_id = @userId ORDER BY created_at DESC, id DESC {page?.Sql}", new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>How many of the owner's links still open at <paramref name="now"/>: active and not past their end.</summary>
    public async Task<int> CountActiveAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM share_links WHERE user_id = @userId AND status = 'Active' AND expires_at > @now",
            new { userId, now }, cancellationToken: cancellationToken));
    }

    /// <summary>The link if it belongs to this owner; null for another owner's link as for an unknown id.</summary>
    public async Task<ShareLinkRow?> FindForOwnerAsync(Guid userId, Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ShareLinkRow>(new CommandDefinition(
            $"{SelectLink} WHERE id = @id AND user_id = @userId", new { id, userId }, cancellationToken: cancellationToken));
    }

    /// <summary>Marks an active link of this owner revoked; false when it was not active (any more).</summary>
    public async Task<bool> RevokeAsync(Guid userId, Guid id, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE share_links SET status = @revoked, revoked_at = @revokedAt WHERE id = @id AND user_id = @userId AND status = @active",
            new { id, userId, revokedAt, revoked = nameof(ShareLinkStatus.Revoked), active = nameof(ShareLinkStatus.Active) },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Marks an active link expired once its end date has passed; false when it was not active (any more).</summary>
    public async Task<bool> ExpireAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE share_links SET status = @expired WHERE id = @id AND status = @active",
            new { id, expired = nameof(ShareLinkStatus.Expired), active = nameof(ShareLinkStatus.Active) },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Counts one opening of a link that is still active; false (nothing counted) when it was revoked meanwhile.</summary>
    public async Task<bool> RecordOpenAsync(Guid id, DateTimeOffset openedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE share_links SET open_count = open_count + 1, last_opened_at = @openedAt WHERE id = @id AND status = @active",
            new { id, openedAt, active = nameof(ShareLinkStatus.Active) },
            cancellationToken: cancellationToken)) == 1;
    }
}
