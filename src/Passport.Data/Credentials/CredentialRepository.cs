using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Credentials;

/// <summary>
/// Issued credentials: who owns each, its status-list bit and whether it is revoked. Never the signed credential
/// itself. Every query by owner takes the owner's user id, so one job seeker never reaches another's rows.
/// </summary>
public sealed class CredentialRepository(PassportDatabase database)
{
    private const string SelectRow =
        """
        SELECT id AS Id, user_id AS UserId, kind AS Kind, skill_id AS SkillId, status_list_id AS StatusListId,
               status_list_index AS StatusListIndex, status AS Status, issued_at AS IssuedAt, revoked_at AS RevokedAt, kid AS Kid
        FROM issued_credentials
        """;

    /// <summary>Stores a new credential; false when its status-list bit is taken (pick another and try again).</summary>
    public async Task<bool> TryCreateAsync(IssuedCredentialRow credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO issued_credentials (id, user_id, kind, skill_id, status_list_id, status_list_index, status, issued_at, revoked_at, kid)
            VALUES (@Id, @UserId, @Kind, @SkillId, @StatusListId, @StatusListIndex, @Status, @IssuedAt, @RevokedAt, @Kid)
            ON CONFLICT (status_list_id, status_list_index) DO NOTHING
            """,
            credential, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <summary>The owner's credentials, newest first.</summary>
    public Task<IReadOnlyList<IssuedCredentialRow>> ListOfUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ListOfUserAsync(userId, null, cancellationToken);

    /// <summary>One page of the same list, in the same order.</summary>
    public async Task<IReadOnlyList<IssuedCredentialRow>> ListOfUserAsync(Guid userId, PageRequest? page, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<IssuedCredentialRow>(new CommandDefinition(
            $"{SelectRow} WHERE user_id = @userId ORDER BY issued_at DESC, id {page?.Sql}", new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>How many credentials were issued to the person since <paramref name="since"/>, and when the first of them was.</summary>
    public async Task<RecentCount> CountIssuedSinceAsync(Guid userId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<CountRow>(new CommandDefinition(
            "SELECT COUNT(*) AS Count, MIN(issued_at) AS Oldest FROM issued_credentials WHERE user_id = @userId AND issued_at > @since",
            new { userId, since }, cancellationToken: cancellationToken));
        return row.ToRecentCount();
    }

    /// <summary>The credential if <paramref name="userId"/> owns it; null for anyone else's, so its existence never leaks.</summary>
    public async Task<IssuedCredentialRow?> GetOfUserAsync(Guid credentialId, Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IssuedCredentialRow>(new CommandDefinition(
            $"{SelectRow} WHERE id = @credentialId AND user_id = @userId", new { credentialId, userId }, cancellationToken: cancellationToken));
    }

    /// <summary>Marks the owner's credential revoked; a second call keeps the first time. False when it is not theirs.</summary>
    public async Task<bool> RevokeAsync(Guid credentialId, Guid userId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var found = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE issued_credentials SET status = 'Revoked', revoked_at = COALESCE(revoked_at, @revokedAt)
            WHERE id = @credentialId AND user_id = @userId
            """,
            new { credentialId, userId, revokedAt }, cancellationToken: cancellationToken));
        return found == 1;
    }

    /// <summary>
    /// For account erasure: revokes every credential of the user and unlinks it (user and skill cleared), in one
    /// statement. The rows stay, so their bits stay set and are never handed to a new credential. Answers how many.
    /// </summary>
    public async Task<int> RevokeAndUnlinkAllAsync(Guid userId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE issued_credentials
            SET status = 'Revoked', revoked_at = COALESCE(revoked_at, @revokedAt), user_id = NULL, skill_id = NULL
            WHERE user_id = @userId
            """,
            new { userId, revokedAt }, cancellationToken: cancellationToken));
    }

    /// <summary>The revoked bits of one list.</summary>
    public async Task<IReadOnlyList<int>> RevokedIndexesAsync(int statusListId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var indexes = await connection.QueryAsync<int>(new CommandDefinition(
            "SELECT status_list_index FROM issued_credentials WHERE status_list_id = @statusListId AND status = 'Revoked'",
            new { statusListId }, cancellationToken: cancellationToken));
        return [.. indexes];
    }

    /// <summary>The newest list in use and how full it is.</summary>
    public async Task<StatusListFill> NewestListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var fill = await connection.QuerySingleOrDefaultAsync<StatusListFill>(new CommandDefinition(
            """
            SELECT status_list_id AS ListId, COUNT(*) AS Taken FROM issued_credentials
            GROUP BY status_list_id ORDER BY status_list_id DESC LIMIT 1
            """,
            cancellationToken: cancellationToken));
        return fill ?? new StatusListFill();
    }
}
