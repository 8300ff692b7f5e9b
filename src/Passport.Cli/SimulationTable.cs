using System.Globalization;
using Passport.Domain.Measurement;
using Passport.Domain.Sprints;

namespace Passport.Cli;

/// <summary>
/// The adaptive-versus-fixed-order table for docs/psychometrics.md: each sprint's pool, simulated under its own
/// stopping settings, with the command that reproduces it.
/// </summary>
public static class SimulationTable
{
    public const int DefaultRespondents = 2000;

    public const int DefaultSeed = 20261123;

    public static void Write(SprintCatalog sprints, int respondents, int seed, CommandLine options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(sprints);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);

        var content = options.ExplicitContentPath is { } path ? $" --content {path}" : string.Empty;
        output.WriteLine(Invariant($"Command: `dotnet run --project src/Passport.Cli -- simulate{content} --respondents {respondents} --seed {seed}`"));
        output.WriteLine(Invariant($"Seed: {seed}; {respondents} simulated players per sprint, each sprint under its own target SE and item limit."));
        output.WriteLine();
        output.WriteLine("| Sprint | Strategy | Mean items | Reached target SE | Mean SE | Bias | RMSE |");
        output.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");

        var adaptive = new List<SimulationResult>();
        var fixedOrder = new List<SimulationResult>();
        var sameLength = new List<SimulationResult>();
        foreach (var sprint in sprints.All)
        {
            var comparison = SprintSimulation.Compare(
                sprint.Pool, new SimulationOptions(respondents, seed, sprint.TargetStandardError, sprint.MaxItems));
            adaptive.Add(comparison.Adaptive);
            fixedOrder.Add(comparison.FixedOrder);
            sameLength.Add(comparison.FixedOrderSameLength);
            output.WriteLine(Row(sprint.Id, comparison.Adaptive));
            output.WriteLine(Row(sprint.Id, comparison.FixedOrder));
            output.WriteLine(Row(sprint.Id, comparison.FixedOrderSameLength));
        }

        output.WriteLine(Row("all sprints", Pooled(SprintSimulation.AdaptiveStrategy, adaptive)));
        output.WriteLine(Row("all sprints", Pooled(SprintSimulation.FixedOrderStrategy, fixedOrder)));
        output.WriteLine(Row("all sprints", Pooled(SprintSimulation.FixedOrderSameLengthStrategy, sameLength)));
    }

    /// <summary>A mechanic as content files name it (<c>choice</c>, <c>rank</c>, …).</summary>
    public static string Name(ItemKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>
    /// Respondent-weighted means over the sprints; RMSE is pooled as the root of the weighted mean squared error,
    /// so it stays a root-mean-square over all players rather than a mean of roots.
    /// </summary>
    private static SimulationResult Pooled(string strategy, IReadOnlyList<SimulationResult> results)
    {
        double total = results.Sum(result => result.Respondents);
        double Mean(Func<SimulationResult, double> value) => results.Sum(result => value(result) * result.Respondents) / total;
        return new SimulationResult(
            strategy,
            (int)total,
            Mean(result => result.Bias),
            Math.Sqrt(Mean(result => result.Rmse * result.Rmse)),
            Mean(result => result.MeanItems),
            Mean(result => result.ReachedTargetShare),
            Mean(result => result.MeanStandardError));
    }

    private static string Row(string sprint, SimulationResult result) =>
        Invariant($"| {sprint} | {StrategyName(result.Strategy)} | {result.MeanItems:F3} | {result.ReachedTargetShare:F3} | {result.MeanStandardError:F3} | {result.Bias:F3} | {result.Rmse:F3} |");

    private static string StrategyName(string strategy) => strategy.Replace('-', ' ');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
