using Dapper;

namespace Passport.Data.Database;

/// <summary>
/// A table of work that every host's loop takes from under a lease (the e-mail outbox, reminders). Its rows have
/// <c>status</c> ('Pending' until done), <c>attempts</c>, <c>next_attempt_at</c> and <c>lease_token</c>.
/// <paramref name="Name"/> and the SQL fragments are constants of the calling store, never input.
/// <paramref name="GiveUpSet"/> is what else a row gets when its attempts are used up, <paramref name="ClaimSet"/> what
/// else it gets when claimed (each a leading-comma list or empty), and <paramref name="Columns"/> what a claim returns.
/// </summary>
internal sealed record LeasedTable(string Name, string Columns, string GiveUpSet, string ClaimSet = "");

/// <summary>
/// The one claim that the outbox and the reminders share: a due Pending row is taken by setting a fresh lease token and
/// moving its <c>next_attempt_at</c> to the end of the lease, so no other loop takes it until the lease ends; taking it
/// counts as an attempt, and a row whose attempts are used up (its earlier holders stopped mid-way) is marked Failed.
/// </summary>
internal static class LeasedWork
{
    /// <summary>Takes up to <paramref name="batchSize"/> due rows of <paramref name="table"/> for <paramref name="lease"/> from <paramref name="now"/>.</summary>
    public static async Task<(Guid Token, IReadOnlyList<T> Rows)> ClaimAsync<T>(
        PassportDatabase database, LeasedTable table, DateTimeOffset now, TimeSpan lease, int batchSize, int maxAttempts, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var leaseEnd = now + lease;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // On SQLite the transaction begins IMMEDIATE, taking the write lock before reading, so a second claimer waits
        // instead of failing to upgrade its read; on PostgreSQL SKIP LOCKED lets it pass the rows a first claimer holds.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {table.Name}
            SET status = 'Failed', lease_token = NULL{table.GiveUpSet}
            WHERE status = 'Pending' AND next_attempt_at <= @now AND attempts >= @maxAttempts
            """,
            new { now, maxAttempts }, transaction, cancellationToken: cancellationToken));
        var claimed = await connection.QueryAsync<T>(new CommandDefinition(
            $"""
            UPDATE {table.Name}
            SET lease_token = @token, next_attempt_at = @leaseEnd, attempts = attempts + 1{table.ClaimSet}
            WHERE id IN (
                SELECT id FROM {table.Name}
                WHERE status = 'Pending' AND next_attempt_at <= @now
                ORDER BY next_attempt_at, id
                LIMIT @batchSize
                {(database.Provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "")})
              AND status = 'Pending' AND next_attempt_at <= @now
            RETURNING {table.Columns}
            """,
            new { token, leaseEnd, now, batchSize }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (token, [.. claimed]);
    }
}
