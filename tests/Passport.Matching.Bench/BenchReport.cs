using System.Globalization;
using System.Text;

namespace Passport.Matching.Bench;

/// <summary>Everything one run measured.</summary>
public sealed record BenchRun(
    string Machine,
    string CommandLine,
    BenchOptions Options,
    TimeSpan Seeding,
    TimeSpan HostStart,
    ProcessMemory? HostMemoryAfterStart,
    int Vacancies,
    IReadOnlyList<HttpPhase> Phases,
    InProcessResult Ranking,
    string LoadBefore,
    string LoadAfter);

/// <summary>The run as Markdown, ready for docs/benchmarks.md.</summary>
public static class BenchReport
{
    public const double TargetP95Ms = 50;
    public const double TargetRecall = 0.95;

    public static string Markdown(BenchRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var r = run.Ranking;
        var text = new StringBuilder();
        text.AppendLine(I($"Machine: {run.Machine}"));
        text.AppendLine(I($"Command: `{run.CommandLine}`"));
        text.AppendLine(I($"Load average (1, 5, 15 min) when the measurement started: {run.LoadBefore}; at the end: {run.LoadAfter}."));
        text.AppendLine(I($"Database: {r.PoolSize} findable candidates in the pool ({run.Options.Count} simulated, seed {run.Options.Seed}, plus the demo seeding's), prepared in {run.Seeding.TotalSeconds:F1} s; host ready {run.HostStart.TotalSeconds:F1} s later (first model trained, pool read)."));
        text.AppendLine();
        text.AppendLine(I($"**Over HTTP**: `GET /api/employer/vacancies/{{id}}/matches?top={MatchesOverHttp.Top}` as employer@demo.test, round-robin over its {run.Vacancies} published vacancies, warm ({run.Options.Warm} requests per vacancy first); client-side latency, body read in full."));
        text.AppendLine();
        text.AppendLine("| Clients | Requests | Requests/s | p50 ms | p95 ms | p99 ms | max ms | Errors | Host VmRSS MiB | Host peak RSS MiB |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var phase in run.Phases)
        {
            text.AppendLine(I(
                $"| {phase.Clients} | {phase.Latency.Count} | {F(phase.PerSecond)} | {F(phase.Latency.P50)} | {F(phase.Latency.P95)} | {F(phase.Latency.P99)} | {F(phase.Latency.Max)} | {phase.Errors} | {F(phase.HostMemory?.RssMiB ?? double.NaN, "0")} | {F(phase.HostMemory?.PeakRssMiB ?? double.NaN, "0")} |"));
        }

        if (run.HostMemoryAfterStart is { } start)
        {
            text.AppendLine();
            text.AppendLine(I($"Host VmRSS right after start (pool read, before any request): {start.RssMiB:F0} MiB (peak {start.PeakRssMiB:F0} MiB)."));
        }

        text.AppendLine();
        text.Append(RankingMarkdown(r, run.Options.Repeat));
        var sequential = run.Phases[0];
        text.AppendLine(I($"- p95 over HTTP, one client: **{F(sequential.Latency.P95)} ms**; target < {TargetP95Ms:F0} ms: {(sequential.Latency.P95 < TargetP95Ms ? "met" : "missed")}."));
        return text.ToString();
    }

    /// <summary>The in-process part alone.</summary>
    public static string RankingMarkdown(InProcessResult r, int repeat)
    {
        ArgumentNullException.ThrowIfNull(r);
        var text = new StringBuilder();
        text.AppendLine(I($"**In process** (the host stopped; same database, same active model {r.ModelVersion}): the pool read with `CandidateProfileReader` in {r.PoolReadSeconds:F1} s, {r.PoolHeapMiB:F0} MiB of managed heap for {r.PoolSize} candidates. {r.Vacancies} published vacancies, {r.MeanEligible:F0} eligible candidates each on average (at least {r.MinEligible}); K = {r.ShortlistSize}. Per vacancy, {repeat} timings of (a), one of (b)."));
        text.AppendLine();
        text.AppendLine("| Stage | Mean ms per vacancy | p95 ms | Pairs/s |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        Row(text, r.Shortlist, r.TwoStagePairs);
        Row(text, r.Rerank, (long)r.Rerank.Count * r.ShortlistSize);
        Row(text, r.TwoStage, r.TwoStagePairs);
        Row(text, r.Baseline, r.BaselinePairs);
        Row(text, r.DirectAll, r.BaselinePairs);
        Row(text, r.Explain, null);
        text.AppendLine();
        text.AppendLine("Pairs/s: (candidate, vacancy) pairs ranked per second (eligible candidates for the filter and the two stages, the K for the re-rank alone).");
        text.AppendLine();
        var ratio = r.Baseline.Mean / r.TwoStage.Mean;
        text.AppendLine(I($"- Baseline (b) / two stages (a): **{ratio:F0}x** (mean per vacancy, {F(r.Baseline.Mean, "0")} ms against {F(r.TwoStage.Mean)} ms)."));
        text.AppendLine(I($"- Recall@20 of (a) against (b): **{r.MeanRecallAt20:F3}** on average over {r.Vacancies} vacancies (lowest {r.MinRecallAt20:F2}); target ≥ {TargetRecall:F2}: {(r.MeanRecallAt20 >= TargetRecall ? "met" : "missed")}."));
        text.AppendLine(I($"- Ties: on average {r.MeanTiedAt20:F1} candidates score at least (b)'s 20th score (ties broken by account id); share of (a)'s top 20 scoring at least that: {r.MeanScoreRecallAt20:F3}."));
        text.AppendLine(I($"- (b)'s top 20 lie within the first {r.MaxFirstStageRank} of the first stage's order (the K full recall would need, worst vacancy)."));
        text.AppendLine();
        var perRow = r.Rerank.Mean / r.ShortlistSize;
        text.AppendLine("Recall@20 by shortlist size (from where (b)'s top 20 lie in the first stage's order; re-rank time estimated from the measured time per re-ranked candidate):");
        text.AppendLine();
        text.AppendLine("| K | Recall@20 (mean) | Lowest | Re-rank ms (est.) |");
        text.AppendLine("| ---: | ---: | ---: | ---: |");
        foreach (var (k, mean, lowest) in r.RecallByK)
        {
            text.AppendLine(I($"| {k} | {mean:F3} | {lowest:F2} | {F(perRow * k)} |"));
        }

        text.AppendLine();
        return text.ToString();
    }

    private static void Row(StringBuilder text, StageTimes stage, long? pairs) =>
        text.AppendLine(I($"| {stage.Name} | {F(stage.Mean)} | {F(stage.P95)} | {(pairs is { } p ? F(p / (stage.Total / 1000), "N0") : "-")} |"));

    private static string F(double value, string format = "0.0") =>
        double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string I(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
