using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Passport.Data.Database;

/// <summary>
/// SQLite's twin of <c>NpgsqlDataSource</c>: one singleton that hands out connections, so repositories
/// are written once against <see cref="DbDataSource"/>. Microsoft.Data.Sqlite pools connections itself.
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString { get; } = connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(ConnectionString);
}
