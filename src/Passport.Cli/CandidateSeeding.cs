using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Passport.Content;
using Passport.Data.Database;
using Passport.Data.Migrations;
using Passport.Data.Simulation;
using Passport.Domain.Simulation;

namespace Passport.Cli;

/// <summary>
/// <c>seed-candidates</c>: simulated job seekers in bulk, for the matching benchmark (docs/benchmarks.md) or a demo
/// database. The people are the ones the host's demo seeding makes for the same seed.
/// </summary>
public static class CandidateSeeding
{
    public const string SqlitePrefix = "sqlite:";

    private const int ProgressEvery = 20_000;

    public static async Task<int> RunAsync(CommandLine options, ContentLoadResult content, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        CandidateSimulationSettings settings;
        try
        {
            settings = ReadSettings(options.ContentPath);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException)
        {
            error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        var count = options.Count ?? settings.Count;
        var seed = options.Seed ?? settings.Seed;
        var storage = new StorageOptions
        {
            Provider = options.Postgres is null ? nameof(StorageProvider.Sqlite) : nameof(StorageProvider.Postgres),
            SqlitePath = options.Database?[SqlitePrefix.Length..] ?? new StorageOptions().SqlitePath,
            ConnectionString = options.Postgres,
        };
        await using var database = PassportDatabase.Create(storage);
        var where = Describe(database);
        try
        {
            await PrepareAsync(database);
            var people = new SimulatedPassports(seed, content.Sprints!, content.Skills!.All.Select(skill => skill.Id), settings).People(count);
            var progress = new ProgressLines(count, output);
            var started = Stopwatch.GetTimestamp();
            var result = await new SimulatedPassportWriter(database, TimeProvider.System).WriteAsync(people, progress: progress);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"seed {seed}: wrote {result.Written} simulated candidates ({result.Skipped} already there) to {where} in {seconds:F1} s ({(result.Written + result.Skipped) / Math.Max(seconds, 0.001):F0} people/s)"));
            return 0;
        }
        catch (Exception ex) when (ex is DbException or MigrationFailedException or SocketException or IOException or UnauthorizedAccessException)
        {
            // One line for the operator, naming the database but never its connection string (it may hold a password).
            error.WriteLine($"error: cannot write to {where}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The <c>candidates</c> object of <c>content/demo/demo.json</c>, which the host's demo seeding reads too.</summary>
    private static CandidateSimulationSettings ReadSettings(string contentPath)
    {
        var path = Path.Combine(contentPath, "demo", "demo.json");
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<DemoFile>(stream, JsonSerializerOptions.Web);
        return file?.Candidates ?? throw new InvalidDataException($"{path} has no \"candidates\" object.");
    }

    /// <summary>As the host does at start: the folder, write-ahead logging for SQLite, then every migration.</summary>
    private static async Task PrepareAsync(PassportDatabase database)
    {
        if (database.SqliteFile is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await using var connection = await database.OpenConnectionAsync();
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL");
        }

        new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance).Migrate();
    }

    private static string Describe(PassportDatabase database)
    {
        if (database.SqliteFile is { } file)
        {
            return file;
        }

        var builder = new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString);
        return string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}");
    }

    private sealed record DemoFile(CandidateSimulationSettings? Candidates);

    /// <summary>A line every 20,000 people, so a long run shows it is moving.</summary>
    private sealed class ProgressLines(int total, TextWriter output) : IProgress<int>
    {
        private int _reported;

        public void Report(int value)
        {
            if (value - _reported >= ProgressEvery && value < total)
            {
                _reported = value;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value} of {total}"));
            }
        }
    }
}
