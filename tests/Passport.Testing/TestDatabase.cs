using Dapper;
using Npgsql;
using Passport.Data.Database;

namespace Passport.Testing;

/// <summary>
/// A database of its own for one fixture: a SQLite file in a fresh folder, or a fresh database on the test
/// PostgreSQL server. Disposing it removes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;

    private TestDatabase(StorageProvider provider, string? connectionString, string folder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _postgresName = postgresName;
    }

    public StorageProvider Provider { get; }

    /// <summary>The PostgreSQL connection string; null for SQLite, which uses <see cref="SqlitePath"/>.</summary>
    public string? ConnectionString { get; }

    /// <summary>A fresh folder for this database's files (and anything else the fixture wants to keep beside them).</summary>
    public string Folder { get; }

    public string SqlitePath => Path.Combine(Folder, "data", "passport.db");

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider)
    {
        var folder = Directory.CreateTempSubdirectory("passport-test-").FullName;
        if (provider == StorageProvider.Sqlite)
        {
            return new TestDatabase(provider, null, folder, null);
        }

        var name = $"passport_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString))
        {
            await admin.ExecuteAsync($"CREATE DATABASE \"{name}\"");
        }

        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, folder, name);
    }

    /// <summary>The storage options a host or a repository under test would be configured with.</summary>
    public StorageOptions Options() => new()
    {
        Provider = Provider.ToString(),
        SqlitePath = SqlitePath,
        ConnectionString = ConnectionString,
    };

    /// <summary>The same settings as configuration keys, for a web host.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        yield return new("Storage:Provider", Provider.ToString());
        yield return new("Storage:SqlitePath", SqlitePath);
        if (ConnectionString is not null)
        {
            yield return new("ConnectionStrings:Passport", ConnectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
