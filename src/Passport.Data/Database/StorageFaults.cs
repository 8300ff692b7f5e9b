using Microsoft.Data.Sqlite;
using Npgsql;

namespace Passport.Data.Database;

/// <summary>
/// Tells a database that cannot answer now (down, unreachable, out of connections, busy) from a database that
/// refused a statement. The first is an outage, worth a "try again later"; the second is a fault of ours.
/// </summary>
public static class StorageFaults
{
    // SQLITE_BUSY and SQLITE_LOCKED: another writer held the file past the busy timeout. SQLITE_IOERR and
    // SQLITE_CANTOPEN: the file or its disk cannot be read.
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 10, 14];

    /// <summary>True when <paramref name="exception"/>, or one it wraps, says the database cannot be reached now.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Npgsql calls a failure transient when it is about the connection (refused, reset, timed out, pool
                // exhausted) or a server that is starting, stopping or out of resources, not about the statement.
                case NpgsqlException npgsql:
                    return npgsql.IsTransient;
                case SqliteException sqlite:
                    return SqliteUnavailable.Contains(sqlite.SqliteErrorCode);
                case AggregateException aggregate:
                    return aggregate.InnerExceptions.Any(IsUnavailable);
            }
        }

        return false;
    }
}
