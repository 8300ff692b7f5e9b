using Dapper;
using Passport.Data.Database;
using Passport.Data.Email;

namespace Passport.Data.Accounts;

/// <summary>
/// Password-reset tokens, looked up by the hash of the token only. A reset is stored with its e-mail in one
/// transaction; using one sets the new password, a new security stamp (ending every session and access token) and
/// uses up every reset token of the account, in one transaction conditional on the token being unused and unexpired.
/// </summary>
public sealed class PasswordResetRepository(PassportDatabase database)
{
    public async Task CreateAsync(Guid id, Guid userId, string tokenHash, DateTimeOffset createdAt, DateTimeOffset expiresAt, OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO password_reset_tokens (id, user_id, token_hash, created_at, expires_at)
            VALUES (@id, @userId, @tokenHash, @createdAt, @expiresAt)
            """,
            new { id, userId, tokenHash, createdAt, expiresAt }, transaction, cancellationToken: cancellationToken));
        await Outbox.EnqueueAsync(connection, transaction, email, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The account of a token that is unused and unexpired at <paramref name="now"/>; null otherwise.</summary>
    public async Task<Guid?> FindUsableAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT user_id FROM password_reset_tokens WHERE token_hash = @tokenHash AND used_at IS NULL AND expires_at > @now",
            new { tokenHash, now }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Uses the token: sets <paramref name="passwordHash"/> with a new security stamp and uses up every reset token of the
    /// account. False, with nothing written, when the token was used or expired meanwhile.
    /// </summary>
    public async Task<bool> ResetAsync(string tokenHash, Guid userId, string passwordHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var used = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE password_reset_tokens SET used_at = @now
            WHERE token_hash = @tokenHash AND user_id = @userId AND used_at IS NULL AND expires_at > @now
            """,
            new { tokenHash, userId, now }, transaction, cancellationToken: cancellationToken));
        if (used == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE password_reset_tokens SET used_at = @now WHERE user_id = @userId AND used_at IS NULL",
            new { userId, now }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE users
            SET password_hash = @passwordHash, security_stamp = @securityStamp, concurrency_stamp = @concurrencyStamp, access_failed_count = 0
            WHERE id = @userId
            """,
            new { userId, passwordHash, securityStamp = Guid.NewGuid().ToString("N"), concurrencyStamp = Guid.NewGuid().ToString("N") },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
