using System.Diagnostics;
using System.Globalization;
using System.Text;
using Passport.Load;

// Load generator for the sprint hub: see LoadOptions.Usage and docs/benchmarks.md.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var commandLine = "dotnet " + string.Join(' ', Environment.GetCommandLineArgs().Select(Quote));
var machine = Machine.Describe();
Console.WriteLine($"Machine: {machine}");
Console.WriteLine($"Command: {commandLine}");

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

HostProcess? host = null;
try
{
    Uri url;
    if (options.Url is null)
    {
        var dll = options.HostDll ?? Machine.DefaultHostDll();
        Console.WriteLine($"Starting {dll} ({(options.Postgres is null ? "SQLite" : "PostgreSQL")}) ...");
        host = await HostProcess.StartAsync(dll, options.Postgres, cancel.Token);
        url = host.Url;
        Console.WriteLine($"Host ready at {url} (pid {host.ProcessId}, folder {host.Folder})");
    }
    else
    {
        url = options.Url;
    }

    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.AccountConcurrency * 2 };
    using var http = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
    var sprints = await Accounts.SprintIdsAsync(http, cancel.Token);
    if (sprints.Count == 0)
    {
        Console.Error.WriteLine("GET /api/sprints returned no sprints; nothing to play.");
        return 1;
    }

    var players = options.Steps.Max();
    var runId = TimeProvider.System.GetUtcNow().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
    Console.WriteLine($"Creating {players} job-seeker accounts ({options.AccountConcurrency} at a time) ...");
    var accountClock = Stopwatch.StartNew();
    var tokens = await Accounts.CreateAsync(http, players, options.AccountConcurrency, runId, cancel.Token);
    Console.WriteLine($"  {players} accounts in {accountClock.Elapsed.TotalSeconds:F1} s ({players / accountClock.Elapsed.TotalSeconds:F1}/s, sign-up + sign-in)");

    var acknowledged = new AcknowledgedAnswers();
    var results = new List<StepResult>();
    var seed = options.Seed;
    foreach (var count in options.Steps)
    {
        Console.WriteLine($"Step {count} players: sprint hub ...");
        var sprint = await Step.RunAsync(count, options, host?.ProcessId, new StepRun(options.Think, seed++), run =>
            tokens.Take(count).Select(token => (IPlayer)new SprintPlayerAdapter(new SprintPlayer(url, token, run, acknowledged, sprints))).ToList(), cancel.Token);
        Console.WriteLine($"  {sprint}");
        StepResult? echo = null;
        if (options.Echo)
        {
            Console.WriteLine($"Step {count} players: echo hub ...");
            echo = await Step.RunAsync(count, options, host?.ProcessId, new StepRun(options.Think, seed++), run =>
                tokens.Take(count).Select(token => (IPlayer)new EchoPlayerAdapter(new EchoPlayer(url, token, run))).ToList(), cancel.Token);
            Console.WriteLine($"  {echo}");
        }

        results.Add(sprint with { Echo = echo });
    }

    // Stop the host before reading its database: every acknowledged answer must be there afterwards.
    if (host is not null)
    {
        Console.WriteLine("Stopping the host ...");
        await host.StopAsync();
    }

    var check = await CheckAsync(options, host, acknowledged);
    Console.WriteLine();
    Console.WriteLine(Report.Markdown(results, options, machine, commandLine, check));
    return check.Missing > 0 ? 1 : 0;
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
    }
}

static async Task<AnswerCheck> CheckAsync(LoadOptions options, HostProcess? host, AcknowledgedAnswers acknowledged)
{
    HashSet<string>? stored = null;
    if (host?.SqlitePath is { } started)
    {
        stored = await StoredAnswers.ReadSqliteAsync(started);
    }
    else if (options.Url is not null && options.SqlitePath is { } given)
    {
        stored = await StoredAnswers.ReadSqliteAsync(given);
    }
    else if (options.Postgres is { } postgres)
    {
        stored = await StoredAnswers.ReadPostgresAsync(postgres);
    }

    if (stored is null)
    {
        return new AnswerCheck(acknowledged.Count, null, null);
    }

    var missing = acknowledged.Keys.Where(key => !stored.Contains(key)).ToList();
    foreach (var key in missing.Take(10))
    {
        Console.Error.WriteLine($"missing: {key}");
    }

    return new AnswerCheck(acknowledged.Count, acknowledged.Count - missing.Count, missing.Count);
}

static string Quote(string arg) => arg.Contains(' ', StringComparison.Ordinal) ? $"'{arg}'" : arg;

internal sealed record AnswerCheck(int Acknowledged, int? Stored, int? Missing);

internal static class Report
{
    public static string Markdown(IReadOnlyList<StepResult> results, LoadOptions options, string machine, string commandLine, AnswerCheck check)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{commandLine}`");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Think time {options.Think.TotalSeconds:0.##} s mean (uniform 0.5x-1.5x), ramp {options.Ramp.TotalSeconds:0} s, warm-up {options.Warmup.TotalSeconds:0} s, measured {options.Duration.TotalSeconds:0} s per step.");
        text.AppendLine();
        text.AppendLine("| Players | Answers/s | p50 ms | p95 ms | p99 ms | max ms | Errors | Host CPU | Generator CPU | Echo msg/s | Echo p50 ms | Echo p95 ms | Echo p99 ms | p99 sprint/echo |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var result in results)
        {
            var echo = result.Echo;
            var ratio = echo is null || echo.Latency.P99 <= 0 ? "-" : F(result.Latency.P99 / echo.Latency.P99, "0.0") + "x";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Players} | {F(result.PerSecond, "0")} | {F(result.Latency.P50)} | {F(result.Latency.P95)} | {F(result.Latency.P99)} | {F(result.Latency.Max)} | {result.ErrorCount} | {result.HostCpu} | {result.GeneratorCpu} | "
                + $"{(echo is null ? "-" : F(echo.PerSecond, "0"))} | {(echo is null ? "-" : F(echo.Latency.P50))} | {(echo is null ? "-" : F(echo.Latency.P95))} | {(echo is null ? "-" : F(echo.Latency.P99))} | {ratio} |");
        }

        text.AppendLine();
        var over = results.FirstOrDefault(result => result.Latency.P99 > 250);
        text.AppendLine(over is null
            ? $"Sprint p99 stayed at or under 250 ms up to the largest step ({results.Max(result => result.Players)} players)."
            : $"Sprint p99 first exceeded 250 ms at {over.Players} players ({F(over.Latency.P99)} ms).");
        text.AppendLine(check.Stored is null
            ? $"acknowledged: {check.Acknowledged}, stored: not checked (pass --sqlite or --postgres with --url)"
            : $"acknowledged: {check.Acknowledged}, stored: {check.Stored}, missing: {check.Missing}");
        var errors = results.SelectMany(result => result.TopErrors.Select(error => (result.Players, error.Key, error.Value))).ToList();
        if (errors.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Errors by message:");
            foreach (var (players, message, count) in errors)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {players} players: {count} x {message}");
            }
        }

        return text.ToString();
    }

    public static string F(double value, string format = "0.0") =>
        double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);
}
