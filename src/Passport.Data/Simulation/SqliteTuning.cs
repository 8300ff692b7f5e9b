using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Passport.Data.Simulation;

/// <summary>
/// For the length of a bulk write on SQLite: a page cache large enough for the indexes being filled, and commits that
/// do not wait for the disk (in WAL mode a crash can lose the last batches, never corrupt the file; the writer is
/// idempotent, so running it again adds them). Disposing puts back what the pooled connection had before.
/// </summary>
internal sealed class SqliteTuning : IAsyncDisposable
{
    private const long BulkCacheKibibytes = 262_144;

    private readonly DbConnection? _connection;
    private readonly long _cacheSize;
    private readonly long _synchronous;

    private SqliteTuning(DbConnection? connection, long cacheSize, long synchronous)
    {
        _connection = connection;
        _cacheSize = cacheSize;
        _synchronous = synchronous;
    }

    public static async Task<SqliteTuning> ApplyAsync(DbConnection connection)
    {
        if (connection is not SqliteConnection)
        {
            return new SqliteTuning(null, 0, 0);
        }

        var cacheSize = await connection.ExecuteScalarAsync<long>("PRAGMA cache_size");
        var synchronous = await connection.ExecuteScalarAsync<long>("PRAGMA synchronous");
        await connection.ExecuteAsync($"PRAGMA cache_size = -{BulkCacheKibibytes}; PRAGMA synchronous = NORMAL");
        return new SqliteTuning(connection, cacheSize, synchronous);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.ExecuteAsync($"PRAGMA cache_size = {_cacheSize}; PRAGMA synchronous = {_synchronous}");
        }
    }
}
