using System.Diagnostics;
using System.Globalization;
using Passport.Load;
using Passport.Matching.Bench;

// The 100,000-candidate matching benchmark: see BenchOptions.Usage and docs/benchmarks.md.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var commandLine = "dotnet " + string.Join(' ', Environment.GetCommandLineArgs());
var machine = Machine.Describe();
Console.WriteLine($"Machine: {machine}");
Console.WriteLine($"Command: {commandLine}");

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (options.RankingOnly is { } kept)
{
    var only = await InProcessRanking.RunAsync(kept, Path.Combine(Machine.RepositoryRoot(), "content"), options.Repeat, options.Shortlist, cancel.Token);
    Console.WriteLine(BenchReport.RankingMarkdown(only, options.Repeat));
    return 0;
}

var hostDll = options.HostDll ?? Machine.DefaultHostDll();
var cliDll = options.CliDll ?? Machine.ReleaseDll("Passport.Cli");
var seeding = TimeSpan.Zero;
var setup = new HostSetup
{
    PrepareSqlite = async (path, token) => seeding = await CandidateSeed.PrepareAsync(options, cliDll, path, token),
    // The pool of 100,000 is read while the host starts (RankerWarmUp), after the first model is trained.
    StartTimeout = TimeSpan.FromMinutes(10),
    Settings = options.Shortlist is { } k
        ? new Dictionary<string, string> { ["Benchmarks__EchoHub"] = "false", ["Matching__ShortlistSize"] = k.ToString(CultureInfo.InvariantCulture) }
        : new Dictionary<string, string> { ["Benchmarks__EchoHub"] = "false" },
};

HostProcess? host = null;
try
{
    Console.WriteLine($"Preparing the database and starting {hostDll} ...");
    var starting = Stopwatch.GetTimestamp();
    host = await HostProcess.StartAsync(hostDll, postgres: null, setup, cancel.Token);
    var hostStart = Stopwatch.GetElapsedTime(starting) - seeding;
    Console.WriteLine($"  database ready in {seeding.TotalSeconds:F1} s; host ready in {hostStart.TotalSeconds:F1} s at {host.Url} (pid {host.ProcessId}, folder {host.Folder})");
    var afterStart = ProcessMemory.Read(host.ProcessId);

    using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(2) };
    var matches = new MatchesOverHttp(http, host.ProcessId);
    await matches.SignInAsync(cancel.Token);
    if (matches.Vacancies.Count == 0)
    {
        Console.Error.WriteLine("employer@demo.test has no published vacancy; nothing to measure.");
        return 1;
    }

    Console.WriteLine($"Warming up: {options.Warm} x {matches.Vacancies.Count} published vacancies ...");
    var warm = await matches.WarmAsync(options.Warm, cancel.Token);
    Console.WriteLine($"  {warm.TotalSeconds:F1} s");
    var loadBefore = LoadAverage();
    var phases = new List<HttpPhase>();
    Console.WriteLine($"Measuring {options.Requests} requests, one client ...");
    phases.Add(await matches.MeasureAsync("sequential", options.Requests, 1, cancel.Token));
    Console.WriteLine($"  {phases[^1]}");
    if (options.Concurrency > 1)
    {
        Console.WriteLine($"Measuring {options.Requests} requests, {options.Concurrency} clients ...");
        phases.Add(await matches.MeasureAsync("concurrent", options.Requests, options.Concurrency, cancel.Token));
        Console.WriteLine($"  {phases[^1]}");
    }

    // The in-process part runs alone: the host is stopped first, so both do not share the two cores.
    Console.WriteLine("Stopping the host ...");
    await host.StopAsync();
    Console.WriteLine("In-process ranking over the same database ...");
    var ranking = await InProcessRanking.RunAsync(host.SqlitePath!, Path.Combine(Machine.RepositoryRoot(), "content"), options.Repeat, options.Shortlist, cancel.Token);

    Console.WriteLine();
    Console.WriteLine(BenchReport.Markdown(new BenchRun(
        machine, commandLine, options, seeding, hostStart, afterStart, matches.Vacancies.Count, phases, ranking, loadBefore, LoadAverage())));
    var failed = phases.Sum(phase => phase.Errors);
    return failed > 0 ? 1 : 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
finally
{
    if (host is not null)
    {
        await host.DisposeAsync();
        if (options.Keep)
        {
            Console.WriteLine($"Kept {host.Folder}");
        }
        else
        {
            Directory.Delete(host.Folder, recursive: true);
        }
    }
}

// The machine is shared: the load averages (1, 5, 15 min) say how much else ran beside the benchmark.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
