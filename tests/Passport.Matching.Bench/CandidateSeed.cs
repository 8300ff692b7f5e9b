using System.Diagnostics;
using System.Globalization;

namespace Passport.Matching.Bench;

/// <summary>
/// Fills the host's SQLite file before it starts: the CLI's <c>seed-candidates</c> (the same writer an operator
/// uses), or a copy of a file it wrote earlier.
/// </summary>
public static class CandidateSeed
{
    public static async Task<TimeSpan> PrepareAsync(BenchOptions options, string cliDll, string sqlitePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var started = Stopwatch.GetTimestamp();
        if (options.CandidatesFrom is { } source)
        {
            Console.WriteLine($"Copying {source} to {sqlitePath} ...");
            await using (var from = File.OpenRead(source))
            await using (var to = File.Create(sqlitePath))
            {
                await from.CopyToAsync(to, cancellationToken);
            }

            return Stopwatch.GetElapsedTime(started);
        }

        if (!File.Exists(cliDll))
        {
            throw new FileNotFoundException($"{cliDll} not found; build first: dotnet build -c Release Passport.sln", cliDll);
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = Load.Machine.RepositoryRoot() };
        foreach (var arg in new[]
        {
            cliDll, "seed-candidates",
            "--count", options.Count.ToString(CultureInfo.InvariantCulture),
            "--seed", options.Seed.ToString(CultureInfo.InvariantCulture),
            "--database", "sqlite:" + sqlitePath,
        })
        {
            start.ArgumentList.Add(arg);
        }

        Console.WriteLine($"Seeding: dotnet {string.Join(' ', start.ArgumentList)}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the CLI.");
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"seed-candidates exited with code {process.ExitCode}.");
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
