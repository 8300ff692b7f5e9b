using System.Data.Common;
using Dapper;

namespace Passport.Data.Database;

/// <summary>
/// A lock that spans hosts, held while one host migrates and seeds, so hosts that start together do not race.
/// PostgreSQL: a session-level advisory lock. SQLite: an exclusive lock on a file beside the database.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    // Any fixed 64-bit number works; it only has to be the same on every host of one database.
    private const long AdvisoryLockKey = 0x5041_5353_504F_5254; // "PASSPORT"

    private readonly DbConnection? _connection;
    private readonly FileStream? _file;

    private StartupLock(DbConnection? connection, FileStream? file)
    {
        _connection = connection;
        _file = file;
    }

    public static async Task<StartupLock> AcquireAsync(PassportDatabase database, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            return database.Provider == StorageProvider.Postgres
                ? await AcquireAdvisoryLockAsync(database, linked.Token)
                : await AcquireFileLockAsync(database.SqliteFile!, time, linked.Token);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Another host held the database start-up lock for more than {timeout.TotalSeconds:0} s.");
        }
    }

    private static async Task<StartupLock> AcquireAdvisoryLockAsync(PassportDatabase database, CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken, commandTimeout: 0));
            return new StartupLock(connection, null);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<StartupLock> AcquireFileLockAsync(string databaseFile, TimeProvider time, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(databaseFile)!;
        Directory.CreateDirectory(directory);
        // Left in place after use: deleting it would let a late opener lock the unlinked file while another locks a new one.
        var lockFile = databaseFile + ".startup-lock";
        while (true)
        {
            try
            {
                return new StartupLock(null, new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Another process on this machine holds it; SQLite offers no blocking cross-process lock we could wait on.
                await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
            await _connection.DisposeAsync();
        }

        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
