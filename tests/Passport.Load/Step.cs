using System.Diagnostics;
using System.Globalization;

namespace Passport.Load;

/// <summary>A simulated client of either hub.</summary>
public interface IPlayer : IAsyncDisposable
{
    Task StartAsync(CancellationToken cancellationToken);
}

public sealed class SprintPlayerAdapter(SprintPlayer player) : IPlayer
{
    public Task StartAsync(CancellationToken cancellationToken) => player.StartAsync(cancellationToken);
    public ValueTask DisposeAsync() => player.DisposeAsync();
}

public sealed class EchoPlayerAdapter(EchoPlayer player) : IPlayer
{
    public Task StartAsync(CancellationToken cancellationToken) => player.StartAsync(cancellationToken);
    public ValueTask DisposeAsync() => player.DisposeAsync();
}

public sealed record StepResult(
    int Players,
    double PerSecond,
    LatencySummary Latency,
    long ErrorCount,
    int Unanswered,
    string HostCpu,
    string GeneratorCpu,
    long GeneratorGen2,
    IReadOnlyList<KeyValuePair<string, long>> TopErrors)
{
    public StepResult? Echo { get; init; }

    public override string ToString()
    {
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{Players} players: {PerSecond:F0}/s, p50 {Latency.P50:F1} ms, p95 {Latency.P95:F1} ms, p99 {Latency.P99:F1} ms, max {Latency.Max:F1} ms, ");
        var load = string.Create(CultureInfo.InvariantCulture,
            $"errors {ErrorCount}, unanswered at drain {Unanswered}, host CPU {HostCpu}, generator CPU {GeneratorCpu}, generator gen2 GCs {GeneratorGen2}");
        return summary + load + string.Concat(TopErrors.Select(error => string.Create(CultureInfo.InvariantCulture, $"\n    {error.Value} x {error.Key}")));
    }
}

/// <summary>One measurement step: connect the players over the ramp, warm up, measure, drain, disconnect.</summary>
public static class Step
{
    public static async Task<StepResult> RunAsync(int count, LoadOptions options, int? hostPid, StepRun run,
        Func<StepRun, IReadOnlyList<IPlayer>> create, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(create);
        var players = create(run);
        run.Phase = StepPhase.Ramp;
        var clock = Stopwatch.StartNew();
        var starts = new List<Task>(players.Count);
        for (var i = 0; i < players.Count; i++)
        {
            var due = options.Ramp * i / players.Count;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            starts.Add(players[i].StartAsync(cancellationToken));
        }

        await Task.WhenAll(starts);
        run.Phase = StepPhase.Warmup;
        await Task.Delay(options.Warmup, cancellationToken);

        using var hostProcess = hostPid is { } pid ? Process.GetProcessById(pid) : null;
        using var self = Process.GetCurrentProcess();
        var hostCpuBefore = hostProcess?.TotalProcessorTime;
        var selfCpuBefore = self.TotalProcessorTime;
        var gen2Before = GC.CollectionCount(2);
        var measureClock = Stopwatch.StartNew();
        run.Phase = StepPhase.Measure;
        await Task.Delay(options.Duration, cancellationToken);
        run.Phase = StepPhase.Drain;
        var measured = measureClock.Elapsed;
        hostProcess?.Refresh();
        self.Refresh();
        var hostCpu = hostProcess is null ? "-" : Share(hostProcess.TotalProcessorTime - hostCpuBefore!.Value, measured);
        var selfCpu = Share(self.TotalProcessorTime - selfCpuBefore, measured);
        var gen2 = GC.CollectionCount(2) - gen2Before;

        var unanswered = await run.DrainAsync(TimeSpan.FromSeconds(15));
        if (unanswered > 0)
        {
            run.Errors.Count("no answer within 15 s after the window", new TimeoutException());
        }

        await Parallel.ForEachAsync(players, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (player, _) => await player.DisposeAsync());
        var latency = run.Latencies.Summarize();
        return new StepResult(count, latency.Count / measured.TotalSeconds, latency, run.Errors.Total, unanswered, hostCpu, selfCpu, gen2, run.Errors.Top(5));
    }

    /// <summary>CPU time as a share of the whole machine (all cores) over the window.</summary>
    private static string Share(TimeSpan cpu, TimeSpan wall) =>
        string.Create(CultureInfo.InvariantCulture, $"{cpu / wall / Environment.ProcessorCount * 100:F0}%");
}
