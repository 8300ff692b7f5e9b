using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Passport.Data.Database;

/// <summary>
/// SQLite's twin of <c>NpgsqlDataSource</c>: one singleton that hands out connections, so repositories
/// are written once against <see cref="DbDataSource"/>. Microsoft.Data.Sqlite pools connections itself.
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    // SQLite has one writer at a time. Without a busy timeout Microsoft.Data.Sqlite retries a locked write by
    // sleeping 150 ms, which under many players (one write per answer) turned millisecond waits into seconds
    // (docs/benchmarks.md); with it SQLite itself retries within milliseconds.
    // secure_delete is per connection, so every connection sets it: a deleted or overwritten row is zeroed in its
    // page instead of staying behind in freed space, where an erased person's e-mail could be read from the file.
    private const string OnOpen = "PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;";

    public override string ConnectionString { get; } = connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(ConnectionString);

    protected override DbConnection OpenDbConnection()
    {
        var connection = CreateDbConnection();
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = OnOpen;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            // The caller never receives the connection, so it must not leak from the pool here.
            connection.Dispose();
            throw;
        }
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = OnOpen;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            // The caller never receives the connection, so it must not leak from the pool here.
            await connection.DisposeAsync();
            throw;
        }
    }
}
