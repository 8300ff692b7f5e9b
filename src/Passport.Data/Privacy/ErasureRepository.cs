using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Privacy;

/// <summary>The last step of an erasure: the account row goes (and with it every row that cascades from it).</summary>
public sealed class ErasureRepository(PassportDatabase database)
{
    /// <summary>
    /// Deletes the user (cascading to every table owned by them) and records that an erasure happened, in one
    /// transaction, so there is never a record without the erasure nor an erasure without its record.
    /// </summary>
    public async Task<bool> DeleteAccountAsync(Guid userId, IReadOnlyCollection<string> roles, DateTimeOffset erasedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM users WHERE id = @userId", new { userId }, transaction, cancellationToken: cancellationToken));
        if (deleted == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO erasures (id, erased_at, roles) VALUES (@id, @erasedAt, @roles)",
            new { id = Guid.CreateVersion7(), erasedAt, roles = string.Join(' ', roles.Order(StringComparer.Ordinal)) },
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
