using Passport.Data.Database;
using Passport.Testing;

namespace Passport.Web.Tests.Hosting;

/// <summary>One running host per provider for all HTTP and page tests; tests make their own accounts and data.</summary>
public abstract class WebAppFixture : IAsyncLifetime
{
    public abstract StorageProvider Provider { get; }

    public TestDatabase Database { get; private set; } = default!;

    public PassportApp App { get; private set; } = default!;

    /// <summary>Settings this fixture's host runs with beside the test defaults.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider);
        App = new PassportApp(Database, Settings);
        App.StartServer();
    }

    public async Task DisposeAsync()
    {
        // After a failed InitializeAsync (no test server) there may be nothing to release.
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}

public sealed class SqliteWebAppFixture : WebAppFixture
{
    public override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresWebAppFixture : WebAppFixture
{
    public override StorageProvider Provider => StorageProvider.Postgres;
}

[CollectionDefinition(Name)]
public sealed class SqliteWebCollection : ICollectionFixture<SqliteWebAppFixture>
{
    public const string Name = "Web on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresWebCollection : ICollectionFixture<PostgresWebAppFixture>
{
    public const string Name = "Web on PostgreSQL";
}
