using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Passport.Data.Database;
using Passport.Domain.Simulation;

namespace Passport.Data.Simulation;

/// <summary>How many simulated people were written and how many were already there.</summary>
public sealed record SimulatedWriteResult(int Written, int Skipped);

/// <summary>
/// Bulk-writes simulated job seekers (<see cref="SimulatedPassports"/>) as real accounts: a user marked as demo, with no
/// password (so nobody can sign in as them), the JobSeeker role, preferences open to matching, sectors, one completed
/// session per sprint played with its responses, and an experience where they have a certificate. One transaction per
/// batch; SQLite through prepared statements, PostgreSQL through binary COPY. A person whose id or e-mail address is
/// already taken is skipped, so writing the same seed again adds nothing.
/// </summary>
public sealed class SimulatedPassportWriter(PassportDatabase database, TimeProvider time)
{
    public const int DefaultBatchSize = 1000;

    /// <param name="progress">Told the number of people handled so far after every batch.</param>
    public async Task<SimulatedWriteResult> WriteAsync(
        IEnumerable<SimulatedPerson> people, int batchSize = DefaultBatchSize, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var now = time.GetUtcNow();
        var answers = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using ISimulatedRowSink sink = connection switch
        {
            SqliteConnection sqlite => new SqliteRowSink(sqlite),
            NpgsqlConnection postgres => new PostgresRowSink(postgres),
            _ => throw new InvalidOperationException($"No bulk writer for {connection.GetType().Name}."),
        };
        await using var tuning = await SqliteTuning.ApplyAsync(connection);

        // The next batch is made (people and rows) on another thread while this one is written: on two cores, making
        // the people costs about as much as SQLite storing them.
        using var batches = people.Chunk(batchSize).GetEnumerator();
        var next = Task.Run(() => Prepare(batches, now, answers), cancellationToken);
        int written = 0, skipped = 0;
        try
        {
            while (await next is { } batch)
            {
                next = Task.Run(() => Prepare(batches, now, answers), cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var taken = await TakenAsync(connection, transaction, batch.People, cancellationToken);
                var fresh = batch.People.Where(person => !taken.Ids.Contains(person.Id) && !taken.Emails.Contains(person.Email.ToUpperInvariant())).ToList();
                var rows = fresh.Count == batch.People.Length ? batch.Rows : SimulatedRows.Of(fresh, now, answers);
                foreach (var table in rows.All)
                {
                    await sink.WriteAsync(table, transaction, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                written += fresh.Count;
                skipped += batch.People.Length - fresh.Count;
                progress?.Report(written + skipped);
            }
        }
        finally
        {
            // When a write fails, the batch being made on the other thread must finish before its enumerator is
            // disposed; its own outcome no longer matters, the write's exception is the one that propagates.
            await Task.WhenAny(next);
        }

        return new SimulatedWriteResult(written, skipped);
    }

    // Only ever called for one batch at a time (the next starts after the previous was awaited), so the enumerator
    // and the answer cache are never used by two threads at once.
    private static PreparedBatch? Prepare(IEnumerator<SimulatedPerson[]> batches, DateTimeOffset now, Dictionary<object, string> answers) =>
        batches.MoveNext() ? new PreparedBatch(batches.Current, SimulatedRows.Of(batches.Current, now, answers)) : null;

    /// <summary>The ids and normalised e-mail addresses of the batch that an account already has.</summary>
    private static async Task<(HashSet<Guid> Ids, HashSet<string> Emails)> TakenAsync(
        DbConnection connection, DbTransaction transaction, SimulatedPerson[] batch, CancellationToken cancellationToken)
    {
        // Dapper expands a list into one parameter per value on SQLite and passes it as one array to Npgsql.
        var sql = connection is NpgsqlConnection
            ? "SELECT id AS Id, normalized_email AS NormalizedEmail FROM users WHERE id = ANY(@ids) OR normalized_email = ANY(@emails)"
            : "SELECT id AS Id, normalized_email AS NormalizedEmail FROM users WHERE id IN @ids OR normalized_email IN @emails";
        var rows = await connection.QueryAsync<TakenRow>(new CommandDefinition(
            sql,
            new { ids = batch.Select(person => person.Id).ToArray(), emails = batch.Select(person => person.Email.ToUpperInvariant()).ToArray() },
            transaction, cancellationToken: cancellationToken));
        var ids = new HashSet<Guid>();
        var emails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            ids.Add(row.Id);
            emails.Add(row.NormalizedEmail);
        }

        return (ids, emails);
    }

    private sealed record PreparedBatch(SimulatedPerson[] People, SimulatedRows Rows);

    private sealed class TakenRow
    {
        public Guid Id { get; set; }

        public string NormalizedEmail { get; set; } = "";
    }
}
