using System.Data.Common;
using System.Threading.Channels;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Passport.Data.Database;

namespace Passport.Data.Privacy;

/// <summary>
/// Removes what a deleted row leaves in the database's files after an erasure, in the background so the erasure
/// does not wait for it. On SQLite every connection already zeroes deleted rows in place (<c>secure_delete</c>, see
/// <see cref="SqliteDataSource"/>); what remains are copies in pages' unused space and older versions of pages in the
/// write-ahead log, so the file is rebuilt (<c>VACUUM</c>) and a checkpoint copies the new pages into the database file
/// and truncates the log to nothing. On PostgreSQL a
/// deleted row is only marked dead; <c>VACUUM</c> of every table an erasure touches lets its space be reused (what
/// that does not remove is in docs/privacy.md). Erasures that arrive while a pass runs are covered by one more pass.
/// </summary>
public sealed partial class ErasedDataCleanup(PassportDatabase database, ILogger<ErasedDataCleanup> logger) : BackgroundService
{
    private const int MaxAttempts = 3;

    private readonly Channel<bool> _requests = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a pass after an erasure was committed; returns at once.</summary>
    public void Request() => _requests.Writer.TryWrite(true);

    /// <summary>One pass, now.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        if (database.Provider == StorageProvider.Sqlite)
        {
            // secure_delete zeroes a deleted row where it lies, but rows that page splits and merges moved earlier left
            // copies in the pages' unused space; VACUUM rebuilds every page from the live rows alone.
            await connection.ExecuteAsync(new CommandDefinition("VACUUM", commandTimeout: 0, cancellationToken: cancellationToken));
            // TRUNCATE waits (busy_timeout) for readers of older snapshots, copies every frame home and empties the log.
            var result = await connection.QuerySingleAsync<(long Busy, long LogFrames, long Checkpointed)>(
                new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken));
            if (result.Busy != 0)
            {
                throw new CleanupIncompleteException(
                    $"The write-ahead log could not be emptied ({result.Checkpointed} of {result.LogFrames} frames copied); readers held it.");
            }

            return;
        }

        // Every table whose rows go or change with an account references users, directly or through another table.
        var tables = (await connection.QueryAsync<string>(new CommandDefinition(
            """
            WITH RECURSIVE touched (rel) AS (
                SELECT 'users'::regclass
                UNION
                SELECT c.conrelid FROM pg_constraint c JOIN touched t ON c.confrelid = t.rel WHERE c.contype = 'f'
            )
            SELECT rel::regclass::text FROM touched ORDER BY 1
            """,
            cancellationToken: cancellationToken))).ToList();
        // VACUUM cannot run in a transaction and takes no parameters; the names come from the catalogue, quoted by it.
        await connection.ExecuteAsync(new CommandDefinition(
            $"VACUUM {string.Join(", ", tables)}", commandTimeout: 0, cancellationToken: cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var _ in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await RunAsync(stoppingToken);
                    LogCleaned(logger, database.Provider);
                    break;
                }
                catch (Exception exception) when (exception is DbException or CleanupIncompleteException && attempt < MaxAttempts)
                {
                    LogRetrying(logger, exception, attempt);
                }
                catch (Exception exception) when (exception is DbException or CleanupIncompleteException)
                {
                    // The next erasure asks again; until then the bytes stay where docs/privacy.md says they may.
                    LogFailed(logger, exception, attempt);
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erased rows cleaned from the {Provider} database files")]
    private static partial void LogCleaned(ILogger logger, StorageProvider provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleaning erased rows from the database files failed (attempt {Attempt}); trying again")]
    private static partial void LogRetrying(ILogger logger, Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cleaning erased rows from the database files failed after {Attempts} attempts")]
    private static partial void LogFailed(ILogger logger, Exception exception, int attempts);
}

/// <summary>A cleanup pass could not finish (SQLite readers kept the write-ahead log busy).</summary>
public sealed class CleanupIncompleteException(string message) : Exception(message);
