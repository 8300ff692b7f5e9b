using System.Globalization;
using System.Text;

namespace Passport.Matching;

/// <summary>Share of each group's applicants that land in a vacancy's top 10, and the lower rate over the higher.</summary>
public sealed record SelectionRates(double GroupA, double GroupB)
{
    /// <summary>Lower rate over higher (1 = equal; the "four-fifths rule" flags below 0.8).</summary>
    public double Ratio => Math.Max(GroupA, GroupB) <= 0 ? 1.0 : Math.Min(GroupA, GroupB) / Math.Max(GroupA, GroupB);
}

/// <summary>One row of the evaluation table.</summary>
public sealed record RankerResult(string Name, double NdcgAt10, SelectionRates Selection);

public sealed record EvaluationReport(
    SimulationOptions Simulation,
    IReadOnlyList<RankerResult> Results,
    SelectionRates RecordedOutcomes,
    int TrainingPairs,
    int TrainingVacancies,
    int HeldOutPairs,
    int HeldOutVacancies,
    IReadOnlyList<ShortlistRecall> Shortlists,
    ModelMetadata Model);

/// <summary>Recall of the two-stage ranking (filter, vectorised top K, re-rank) against re-ranking everyone eligible.</summary>
public sealed record ShortlistRecall(int ShortlistSize, int Top, double MaxDistanceKm, double Recall);

/// <summary>Trains on simulated outcomes and compares the ranker with the baselines on held-out vacancies.</summary>
public static class MatchingEvaluation
{
    public const int K = 10;
    public const double HeldOutShare = 0.3;

    private static readonly int[] ShortlistSizes = [50, 100, 200, 400];

    public static EvaluationReport Run(
        IReadOnlyList<string> skillIds,
        TimeProvider clock,
        SimulationOptions? simulation = null,
        RankerTrainingOptions? training = null)
    {
        ArgumentNullException.ThrowIfNull(skillIds);
        ArgumentNullException.ThrowIfNull(clock);
        simulation ??= new SimulationOptions();
        var market = LabourMarketSimulator.Generate(skillIds, simulation);
        var (train, heldOut) = market.SplitByVacancy(HeldOutShare, simulation.Seed);
        var schema = new FeatureSchema(skillIds);
        var ranker = LightGbmRanker.Train(schema, train, "sim-" + simulation.Seed.ToString(CultureInfo.InvariantCulture), clock, training);

        ICandidateScorer[] scorers = [new RandomScorer(simulation.Seed), new CosineScorer(skillIds), new WeightedGapScorer(skillIds), ranker];
        var results = scorers
            .Select(s => new RankerResult(s.Name, MeanNdcg(s, heldOut), Selection(s, heldOut, market.Groups)))
            .ToList();
        var recall = ShortlistSizes.Select(size => MeasureShortlistRecall(ranker, market, heldOut, size)).ToList();

        var lightGbm = results[^1];
        var metadata = ranker.Metadata with
        {
            Metrics = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["heldOutNdcgAt10"] = Math.Round(lightGbm.NdcgAt10, 4),
                ["heldOutVacancies"] = heldOut.Select(p => p.Vacancy.VacancyRef).Distinct().Count(),
                ["top10SelectionRateRatio"] = Math.Round(lightGbm.Selection.Ratio, 4),
            },
        };

        return new EvaluationReport(
            simulation,
            results,
            OutcomeSelection(heldOut, market.Groups),
            train.Count,
            train.Select(p => p.Vacancy.VacancyRef).Distinct().Count(),
            heldOut.Count,
            heldOut.Select(p => p.Vacancy.VacancyRef).Distinct().Count(),
            recall,
            metadata);
    }

    /// <summary>Mean NDCG@10 over the vacancies in <paramref name="pairs"/>, each ranking its own applicants.</summary>
    public static double MeanNdcg(ICandidateScorer scorer, IReadOnlyList<LabelledPair> pairs, int k = K)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(pairs);
        return ByVacancy(pairs)
            .Select(g => Ndcg.At(k, scorer.Score(g[0].Vacancy, g.Select(p => p.Candidate).ToList()), g.Select(p => (int)p.Outcome).ToList()))
            .Average();
    }

    /// <summary>
    /// Fairness audit: per protected group (simulator ground truth only), the share of its applicants that land in a
    /// vacancy's top <paramref name="k"/> by the scorer.
    /// </summary>
    public static SelectionRates Selection(ICandidateScorer scorer, IReadOnlyList<LabelledPair> pairs, IReadOnlyDictionary<string, ProtectedGroup> groups, int k = K)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(pairs);
        return Rates(pairs, groups, k, pool => scorer.Score(pool[0].Vacancy, pool.Select(p => p.Candidate).ToList()));
    }

    /// <summary>The same rates for the employers' own recorded outcomes (best label first): the market's baseline.</summary>
    public static SelectionRates OutcomeSelection(IReadOnlyList<LabelledPair> pairs, IReadOnlyDictionary<string, ProtectedGroup> groups, int k = K)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return Rates(pairs, groups, k, pool => pool.Select(p => (float)p.Outcome).ToArray());
    }

    private static SelectionRates Rates(IReadOnlyList<LabelledPair> pairs, IReadOnlyDictionary<string, ProtectedGroup> groups, int k, Func<List<LabelledPair>, float[]> score)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var applicants = new int[2];
        var selected = new int[2];
        foreach (var pool in ByVacancy(pairs))
        {
            var scores = score(pool);
            var top = Enumerable.Range(0, pool.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).ToHashSet();
            for (var i = 0; i < pool.Count; i++)
            {
                var group = (int)groups[pool[i].Candidate.CandidateRef];
                applicants[group]++;
                selected[group] += top.Contains(i) ? 1 : 0;
            }
        }

        return new SelectionRates(
            applicants[0] == 0 ? 0 : selected[0] / (double)applicants[0],
            applicants[1] == 0 ? 0 : selected[1] / (double)applicants[1]);
    }

    /// <summary>
    /// For each held-out vacancy: the ranker's top <paramref name="top"/> over every eligible candidate in the market
    /// against its top over the vectorised shortlist of <paramref name="shortlistSize"/>; mean overlap share.
    /// </summary>
    public static ShortlistRecall MeasureShortlistRecall(LightGbmRanker ranker, SimulatedMarket market, IReadOnlyList<LabelledPair> heldOut, int shortlistSize = 100, int top = 20, double maxDistanceKm = 60)
    {
        ArgumentNullException.ThrowIfNull(ranker);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(heldOut);
        var matrix = CandidateMatrix.From(ranker.Schema.SkillIds, market.Candidates);
        var recalls = new List<double>();
        foreach (var vacancy in heldOut.Select(p => p.Vacancy).DistinctBy(v => v.VacancyRef))
        {
            var eligible = matrix.Eligible(vacancy, maxDistanceKm);
            if (eligible.Count == 0)
            {
                continue;
            }

            var full = TopRefs(ranker, vacancy, eligible.Select(i => market.Candidates[i]).ToList(), top);
            var staged = TopRefs(ranker, vacancy, matrix.Shortlist(vacancy, shortlistSize, maxDistanceKm).Select(i => market.Candidates[i]).ToList(), top);
            recalls.Add(full.Intersect(staged).Count() / (double)full.Count);
        }

        return new ShortlistRecall(shortlistSize, top, maxDistanceKm, recalls.Count == 0 ? 1.0 : recalls.Average());
    }

    /// <summary>The evaluation as the Markdown that docs/matching.md shows.</summary>
    public static string Format(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Simulated market: seed {report.Simulation.Seed}, {report.Simulation.Candidates} candidates, {report.Simulation.Vacancies} vacancies, {report.Simulation.PoolSize} applicants each.");
        text.AppendLine(culture, $"Trained on {report.TrainingPairs} pairs of {report.TrainingVacancies} vacancies; measured on {report.HeldOutPairs} pairs of {report.HeldOutVacancies} held-out vacancies.");
        text.AppendLine();
        text.AppendLine("| Ranker | NDCG@10 (held-out) | Top-10 selection rate, group A | Group B | Ratio (lower / higher) |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var result in report.Results)
        {
            text.AppendLine(culture, $"| {result.Name} | {result.NdcgAt10:F3} | {result.Selection.GroupA:F3} | {result.Selection.GroupB:F3} | {result.Selection.Ratio:F3} |");
        }

        var outcomes = report.RecordedOutcomes;
        text.AppendLine(culture, $"| *Employers' recorded outcomes (reference)* | 1.000 | {outcomes.GroupA:F3} | {outcomes.GroupB:F3} | {outcomes.Ratio:F3} |");

        text.AppendLine();
        text.AppendLine("Two-stage ranking (filter: all must-haves and the distance limit; vectorised shortlist of K; LightGBM re-rank) against re-ranking every eligible candidate of the whole market:");
        text.AppendLine();
        text.AppendLine("| Shortlist K | Distance limit | Recall@20 |");
        text.AppendLine("| ---: | ---: | ---: |");
        foreach (var shortlist in report.Shortlists)
        {
            text.AppendLine(culture, $"| {shortlist.ShortlistSize} | {shortlist.MaxDistanceKm:F0} km | {shortlist.Recall:F3} |");
        }

        text.AppendLine();
        text.AppendLine(culture, $"Model {report.Model.Version}: {report.Model.FeatureNames.Count} features, trained {report.Model.TrainedAt:u}.");
        return text.ToString();
    }

    private static IEnumerable<List<LabelledPair>> ByVacancy(IReadOnlyList<LabelledPair> pairs) =>
        pairs.GroupBy(p => p.Vacancy.VacancyRef, StringComparer.Ordinal).Select(g => g.ToList());

    private static HashSet<string> TopRefs(LightGbmRanker scorer, VacancyProfile vacancy, List<CandidateProfile> candidates, int top)
    {
        var scores = scorer.Score(vacancy, candidates);
        return Enumerable.Range(0, candidates.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(top)
            .Select(i => candidates[i].CandidateRef).ToHashSet(StringComparer.Ordinal);
    }
}
