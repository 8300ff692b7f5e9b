using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Passport.Data.Database;

/// <summary>
/// The application's one handle on its database: the provider and a pooled data source.
/// Repositories open one connection per operation from here.
/// </summary>
public sealed class PassportDatabase : IAsyncDisposable
{
    private PassportDatabase(StorageProvider provider, DbDataSource dataSource, string? sqliteFile)
    {
        Provider = provider;
        DataSource = dataSource;
        SqliteFile = sqliteFile;
    }

    public StorageProvider Provider { get; }

    public DbDataSource DataSource { get; }

    /// <summary>Full path of the SQLite file, or null on PostgreSQL.</summary>
    public string? SqliteFile { get; }

    public static PassportDatabase Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DapperConfiguration.EnsureRegistered();
        if (options.ParsedProvider == StorageProvider.Postgres)
        {
            return new PassportDatabase(StorageProvider.Postgres, NpgsqlDataSource.Create(options.ConnectionString!), null);
        }

        var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? "")
        {
            ForeignKeys = true,
            Pooling = true,
            // Waits this long on a locked database (another writer) before failing.
            DefaultTimeout = 30,
        };
        if (string.IsNullOrEmpty(options.ConnectionString))
        {
            builder.DataSource = Path.GetFullPath(options.SqlitePath);
        }

        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        return new PassportDatabase(StorageProvider.Sqlite, new SqliteDataSource(builder.ToString()), Path.GetFullPath(builder.DataSource));
    }

    /// <summary>
    /// "Column is one of the list parameter": Dapper expands a list into <c>IN (…)</c> on SQLite, while Npgsql sends
    /// it as one array, which PostgreSQL compares with <c>= ANY</c>.
    /// </summary>
    public string IsIn(string column, string parameter) =>
        Provider == StorageProvider.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    public ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        DataSource.OpenConnectionAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (Provider == StorageProvider.Sqlite)
        {
            // Releases this file's pooled handles so it can be moved or deleted after shutdown.
            using var connection = new SqliteConnection(DataSource.ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
