using DbUp;
using DbUp.Engine;
using DbUp.Engine.Output;
using System.Globalization;
using DbUp.Postgresql;
using DbUp.Support;
using Microsoft.Extensions.Logging;
using Npgsql;
using Passport.Data.Database;

namespace Passport.Data.Migrations;

/// <summary>
/// Applies the versioned SQL scripts in <c>Migrations/{Sqlite|Postgres}</c> with DbUp. Each dialect has the same
/// scripts by name; DbUp's journal table records which ran, and every script runs in its own transaction.
/// </summary>
public sealed class DatabaseMigrator(PassportDatabase database, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Names of the scripts for <paramref name="provider"/>, in the order they apply.</summary>
    public static IReadOnlyList<string> ScriptsFor(StorageProvider provider)
    {
        var prefix = ResourcePrefix(provider);
        return [.. typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => name[prefix.Length..])
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Runs the scripts not yet applied. Call it under <see cref="StartupLock"/> when hosts may start together.</summary>
    public IReadOnlyList<string> Migrate()
    {
        var prefix = ResourcePrefix(database.Provider);
        var builder = database.Provider switch
        {
            StorageProvider.Postgres => DeployChanges.To.PostgresqlDatabase(
                new PostgresqlConnectionManager((NpgsqlDataSource)database.DataSource)),
            StorageProvider.Sqlite => DeployChanges.To.SqliteDatabase(database.DataSource.ConnectionString),
            _ => throw new InvalidOperationException($"No migrations for {database.Provider}."),
        };

        var upgrader = builder
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.StartsWith(prefix, StringComparison.Ordinal))
            .WithScriptNameComparer(new ScriptNameComparer(StringComparer.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new UpgradeLog(logger))
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new MigrationFailedException(result.ErrorScript?.Name, result.Error);
        }

        var applied = result.Scripts.Select(script => script.Name[prefix.Length..]).ToList();
        if (applied.Count > 0)
        {
            logger.LogInformation("Applied {Count} migration(s): {Scripts}", applied.Count, string.Join(", ", applied));
        }

        return applied;
    }

    private static string ResourcePrefix(StorageProvider provider) => $"Passport.Data.Migrations.{provider}.";

    private sealed class UpgradeLog(ILogger logger) : IUpgradeLog
    {
        // DbUp narrates every script and journal check; that belongs at Debug, our own summary at Information.
        public void LogTrace(string format, params object[] args) => logger.LogTrace("{DbUp}", Format(format, args));

        public void LogDebug(string format, params object[] args) => logger.LogDebug("{DbUp}", Format(format, args));

        public void LogInformation(string format, params object[] args) => logger.LogDebug("{DbUp}", Format(format, args));

        public void LogWarning(string format, params object[] args) => logger.LogWarning("{DbUp}", Format(format, args));

        public void LogError(string format, params object[] args) => logger.LogError("{DbUp}", Format(format, args));

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{DbUp}", Format(format, args));

        private static string Format(string format, object[] args) =>
            args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
    }
}

public sealed class MigrationFailedException(string? script, Exception? inner)
    : Exception($"Database migration {script ?? "(unknown script)"} failed: {inner?.Message}", inner);
