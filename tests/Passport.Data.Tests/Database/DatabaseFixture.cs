using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Passport.Data.Accounts;
using Passport.Data.Database;
using Passport.Data.Migrations;
using Passport.Testing;

namespace Passport.Data.Tests.Database;

/// <summary>One migrated database per test class and provider; tests in it use fresh keys, never each other's rows.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    public abstract StorageProvider Provider { get; }

    public TestDatabase Test { get; private set; } = default!;

    public PassportDatabase Database { get; private set; } = default!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        Test = await TestDatabase.CreateAsync(Provider);
        Database = PassportDatabase.Create(Test.Options());
        Directory.CreateDirectory(Path.GetDirectoryName(Test.SqlitePath)!);
        new DatabaseMigrator(Database, NullLogger<DatabaseMigrator>.Instance).Migrate();
    }

    /// <summary>A fresh account with this role, for rows that must belong to someone.</summary>
    public async Task<Guid> NewUserAsync(string role)
    {
        var email = $"user-{Guid.NewGuid():N}@example.org";
        var user = new PassportUser { Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = "Sam", Language = "en" };
        user.Roles.Add(role);
        using var users = new UserStore(Database, Time);
        await users.CreateAsync(user, CancellationToken.None);
        return user.Id;
    }

    public async Task DisposeAsync()
    {
        // After a failed InitializeAsync (no test server) there may be nothing to release.
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (Test is not null)
        {
            await Test.DisposeAsync();
        }
    }
}

public sealed class SqliteFixture : DatabaseFixture
{
    public override StorageProvider Provider => StorageProvider.Sqlite;
}

public sealed class PostgresFixture : DatabaseFixture
{
    public override StorageProvider Provider => StorageProvider.Postgres;
}
