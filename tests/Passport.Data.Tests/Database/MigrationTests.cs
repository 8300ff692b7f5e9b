using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Passport.Data.Database;
using Passport.Data.Migrations;
using Passport.Data.Organisations;
using Passport.Domain.Organisations;
using Passport.Testing;

namespace Passport.Data.Tests.Database;

public sealed class MigrationScriptsTests
{
    [Fact]
    public void ScriptsFor_BothDialects_HaveTheSameScriptsInTheSameOrder()
    {
        var sqlite = DatabaseMigrator.ScriptsFor(StorageProvider.Sqlite);

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, DatabaseMigrator.ScriptsFor(StorageProvider.Postgres));
    }
}

/// <summary>Start-up against a fresh database each: migration, the cross-host lock and seeding under it.</summary>
public abstract class DatabaseStartupTests(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase _test = default!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _test = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task Migrate_SecondRun_AppliesNothing()
    {
        await using var database = PassportDatabase.Create(_test.Options());
        Directory.CreateDirectory(Path.GetDirectoryName(_test.SqlitePath)!);
        var migrator = new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance);

        var first = migrator.Migrate();
        var second = migrator.Migrate();

        Assert.Equal(DatabaseMigrator.ScriptsFor(provider), first);
        Assert.Empty(second);
    }

    [Fact]
    public async Task AcquireAsync_WhileAnotherHostHoldsTheLock_WaitsUntilTimeout()
    {
        await using var hostA = PassportDatabase.Create(_test.Options());
        await using var hostB = PassportDatabase.Create(_test.Options());
        Directory.CreateDirectory(Path.GetDirectoryName(_test.SqlitePath)!);

        var held = await StartupLock.AcquireAsync(hostA, TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);
        await Assert.ThrowsAsync<TimeoutException>(() =>
            StartupLock.AcquireAsync(hostB, TimeSpan.FromMilliseconds(300), TimeProvider.System, CancellationToken.None));
        await held.DisposeAsync();

        await using var afterRelease = await StartupLock.AcquireAsync(hostB, TimeSpan.FromSeconds(10), TimeProvider.System, CancellationToken.None);
    }

    [Fact]
    public async Task StartAsync_TwoHostsTogether_MigrateOnceAndSeedOneSet()
    {
        var organisationId = Guid.CreateVersion7();
        var hosts = Enumerable.Range(0, 2).Select(_ => PassportDatabase.Create(_test.Options())).ToList();

        await Task.WhenAll(hosts.Select(database => Task.Run(async () =>
        {
            var seeder = new OrganisationSeeder(new OrganisationRepository(database, _time), organisationId);
            var initializer = new DatabaseInitializer(
                database, new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance), [seeder],
                Options.Create(new StorageOptions()), TimeProvider.System, NullLogger<DatabaseInitializer>.Instance);
            await initializer.StartingAsync(CancellationToken.None);
        })));

        await using var connection = await hosts[0].OpenConnectionAsync();
        Assert.Equal(DatabaseMigrator.ScriptsFor(provider).Count, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schemaversions"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM organisations WHERE id = @organisationId", new { organisationId }));
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }

    private sealed class OrganisationSeeder(OrganisationRepository organisations, Guid id) : IDatabaseSeeder
    {
        public Task SeedAsync(CancellationToken cancellationToken) =>
            organisations.CreateAsync(id, OrganisationKind.Employer, new OrganisationProfile("Seeded", null, null, null, null), isDemo: true, cancellationToken);
    }
}

public sealed class SqliteDatabaseStartupTests() : DatabaseStartupTests(StorageProvider.Sqlite);

[Trait("Category", "Postgres")]
public sealed class PostgresDatabaseStartupTests() : DatabaseStartupTests(StorageProvider.Postgres);
