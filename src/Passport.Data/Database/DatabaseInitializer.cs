using System.Data.Common;
using System.Net.Sockets;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passport.Data.Migrations;

namespace Passport.Data.Database;

/// <summary>
/// Brings the database up to date before anything else starts: it is registered before the Orleans silo and
/// the web server, so neither runs against an old schema. Hosts starting together take turns through <see cref="StartupLock"/>.
/// </summary>
public sealed class DatabaseInitializer(
    PassportDatabase database,
    DatabaseMigrator migrator,
    IEnumerable<IDatabaseSeeder> seeders,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger) : IHostedLifecycleService
{
    // "Starting" runs before any hosted service's StartAsync, in registration order; the Orleans silo starts
    // in that phase too, so this is the phase that puts the schema in place before it.
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await EnsureReachableAsync(cancellationToken);
        await using (await StartupLock.AcquireAsync(database, options.Value.StartupLockTimeout, time, cancellationToken))
        {
            if (database.Provider == StorageProvider.Sqlite)
            {
                await using var connection = await database.OpenConnectionAsync(cancellationToken);
                // Write-ahead logging lets pages read while a sprint answer is written; the setting persists in the file.
                await connection.ExecuteAsync("PRAGMA journal_mode = WAL");
            }

            migrator.Migrate();
            foreach (var seeder in seeders)
            {
                await seeder.SeedAsync(cancellationToken);
            }
        }

        logger.LogInformation("Database ready: {Provider} {Location}", database.Provider, Describe());
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (database.SqliteFile is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(database.SqliteFile)!);
            }

            await using var connection = await database.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or SocketException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            throw new DatabaseUnavailableException($"Cannot reach the {database.Provider} database at {Describe()}: {ex.Message}", ex);
        }
    }

    private string Describe()
    {
        if (database.SqliteFile is not null)
        {
            return database.SqliteFile;
        }

        var builder = new DbConnectionStringBuilder { ConnectionString = database.DataSource.ConnectionString };
        builder.TryGetValue("Host", out var host);
        builder.TryGetValue("Port", out var port);
        builder.TryGetValue("Database", out var name);
        return $"{host}:{port ?? 5432}/{name}";
    }
}

/// <summary>The database cannot be reached at start; the message is meant for the operator, in one line.</summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
