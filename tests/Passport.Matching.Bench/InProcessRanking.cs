using System.Diagnostics;
using Passport.Content;
using Passport.Data.Database;
using Passport.Data.Matching;
using Passport.Data.Vacancies;
using Passport.Matching.Candidates;
using Passport.Web.Hosting;
using Passport.Web.Places;

namespace Passport.Matching.Bench;

/// <summary>Milliseconds of one stage, one sample per vacancy and repetition.</summary>
public sealed class StageTimes(string name)
{
    private readonly List<double> _milliseconds = [];

    public string Name { get; } = name;

    public int Count => _milliseconds.Count;

    public double Mean => _milliseconds.Count == 0 ? double.NaN : _milliseconds.Average();

    public double Total => _milliseconds.Sum();

    public double P95 => Percentile(95);

    public void Add(long startTimestamp, long endTimestamp) =>
        _milliseconds.Add((endTimestamp - startTimestamp) * 1000.0 / Stopwatch.Frequency);

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double percentile)
    {
        if (_milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _milliseconds.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>What the in-process part measured.</summary>
public sealed record InProcessResult(
    int PoolSize,
    double PoolReadSeconds,
    double PoolHeapMiB,
    string ModelVersion,
    int Vacancies,
    double MeanEligible,
    int MinEligible,
    int ShortlistSize,
    StageTimes Shortlist,
    StageTimes Rerank,
    StageTimes TwoStage,
    StageTimes Explain,
    StageTimes Baseline,
    StageTimes DirectAll,
    long TwoStagePairs,
    long BaselinePairs,
    double MeanRecallAt20,
    double MinRecallAt20,
    double MeanTiedAt20,
    double MeanScoreRecallAt20,
    int MaxFirstStageRank,
    IReadOnlyList<(int K, double MeanRecallAt20, double MinRecallAt20)> RecallByK);

/// <summary>
/// The ranking the matches endpoint does, in this process over the same database: the pool read as the host reads it
/// (<see cref="CandidateProfileReader"/>, every findable passport), the model the host made active, and per published
/// vacancy (a) the two stages (vectorised shortlist of K, ML.NET re-rank of the K) against (b) ML.NET scoring every
/// eligible candidate (must-haves, distance): time, pairs per second and how much of (b)'s top 20 (a) finds.
/// </summary>
public static class InProcessRanking
{
    public static async Task<InProcessResult> RunAsync(string sqlitePath, string contentPath, int repeat, int? shortlistSize, CancellationToken cancellationToken)
    {
        var content = ContentLoader.Load(contentPath);
        if (!content.IsValid)
        {
            throw new InvalidDataException($"Content in {contentPath} has problems: {string.Join("; ", content.Problems.Take(3))}");
        }

        var skillIds = content.Skills!.All.Select(skill => skill.Id).ToList();
        var places = PlaceCatalogLoader.Load(new ContentOptions { Path = contentPath });
        var settings = new MatchingOptions();
        settings.ShortlistSize = shortlistSize ?? settings.ShortlistSize;
        await using var database = PassportDatabase.Create(new StorageOptions { Provider = nameof(StorageProvider.Sqlite), SqlitePath = sqlitePath });
        var reader = new CandidateProfileReader(new CandidateRepository(database), content.Sprints!, places);

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var readStarted = Stopwatch.GetTimestamp();
        var snapshot = new PoolSnapshot(skillIds, await reader.ReadAsync(CandidateScope.AllFindable, cancellationToken), TimeProvider.System.GetUtcNow());
        var readSeconds = Stopwatch.GetElapsedTime(readStarted).TotalSeconds;
        var poolHeap = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / (1024.0 * 1024.0);
        Console.WriteLine($"  pool: {snapshot.Count} candidates read in {readSeconds:F1} s, {poolHeap:F0} MiB managed heap");

        var models = new RankerModelRepository(database);
        var version = await models.GetActiveVersionAsync(cancellationToken) ?? throw new InvalidOperationException("The host stored no active model.");
        var bytes = await models.GetModelAsync(version, cancellationToken) ?? throw new InvalidOperationException($"Model {version} has no bytes.");
        LightGbmRanker ranker;
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            ranker = LightGbmRanker.Load(stream, new FeatureSchema(skillIds));
        }

        var vacancies = (await new VacancyRepository(database).ListPublishedAsync(cancellationToken))
            .Select(record => VacancyProfiles.From(record.Id, record.Vacancy))
            .ToList();

        var shortlistTimes = new StageTimes("Shortlist (filter + vectorised score, top K)");
        var rerankTimes = new StageTimes("Re-rank of the K (LightGBM trees)");
        var twoStageTimes = new StageTimes("(a) two stages");
        var explainTimes = new StageTimes("Explain the top 20");
        var baselineTimes = new StageTimes("(b) ML.NET re-rank of every eligible candidate");
        var directAllTimes = new StageTimes("(c) every eligible candidate, trees evaluated directly");
        var recalls = new List<double>();
        var scoreRecalls = new List<double>();
        var tied = new List<int>();
        var firstStageRanks = new List<int>();
        var depths = new List<int[]>();
        var eligibleCounts = new List<int>();
        long twoStagePairs = 0, baselinePairs = 0;

        // One untimed pass first, so the timings do not include compiling the code paths.
        Warm(snapshot, ranker, vacancies[0], settings);
        foreach (var vacancy in vacancies)
        {
            List<(PoolCandidate Candidate, float Score)> twoStageTop = [];
            var eligible = 0;
            for (var run = 0; run < repeat; run++)
            {
                var started = Stopwatch.GetTimestamp();
                var shortlist = snapshot.Matrix.Shortlist(vacancy, settings.ShortlistSize, settings.MaxDistanceKm, out eligible);
                var shortlisted = shortlist.Select(i => snapshot.Candidates[i]).ToList();
                var listed = Stopwatch.GetTimestamp();
                var scores = ranker.Score(vacancy, [.. shortlisted.Select(candidate => candidate.Profile)]);
                twoStageTop = Top(shortlisted, scores, MatchesOverHttp.Top);
                var ranked = Stopwatch.GetTimestamp();
                MatchExplainer.Explain(ranker, vacancy, [.. twoStageTop.Select(pair => pair.Candidate.Profile)], maxReasons: 4,
                    population: [.. shortlisted.Select(candidate => candidate.Profile)]);
                var explained = Stopwatch.GetTimestamp();
                shortlistTimes.Add(started, listed);
                rerankTimes.Add(listed, ranked);
                twoStageTimes.Add(started, ranked);
                explainTimes.Add(ranked, explained);
                twoStagePairs += eligible;
            }

            var baselineStarted = Stopwatch.GetTimestamp();
            var everyone = snapshot.Matrix.Eligible(vacancy, settings.MaxDistanceKm).Select(i => snapshot.Candidates[i]).ToList();
            var allScores = ranker.ScoreWithMlNet(vacancy, [.. everyone.Select(candidate => candidate.Profile)]);
            var baselineTop = Top(everyone, allScores, MatchesOverHttp.Top);
            baselineTimes.Add(baselineStarted, Stopwatch.GetTimestamp());

            // Diagnostics, untimed: how many share the 20th best score (ties are broken by account id), how many of
            // (a)'s top 20 score at least that, and how deep in the first stage's order (b)'s top 20 lie.
            var twentieth = baselineTop.Count == 0 ? float.NegativeInfinity : baselineTop[^1].Score;
            tied.Add(allScores.Count(score => score >= twentieth));
            scoreRecalls.Add(twoStageTop.Count == 0 ? 1 : twoStageTop.Count(pair => pair.Score >= twentieth) / (double)twoStageTop.Count);
            var order = snapshot.Matrix.Shortlist(vacancy, Math.Max(1, eligible), settings.MaxDistanceKm);
            var position = new Dictionary<Guid, int>(order.Count);
            for (var i = 0; i < order.Count; i++)
            {
                position[snapshot.Candidates[order[i]].UserId] = i + 1;
            }

            var depth = baselineTop.Select(pair => position.GetValueOrDefault(pair.Candidate.UserId, int.MaxValue)).ToArray();
            depths.Add(depth);
            firstStageRanks.Add(depth.DefaultIfEmpty(0).Max());
            baselinePairs += everyone.Count;
            var directStarted = Stopwatch.GetTimestamp();
            ranker.Score(vacancy, [.. snapshot.Matrix.Eligible(vacancy, settings.MaxDistanceKm).Select(i => snapshot.Candidates[i].Profile)]);
            directAllTimes.Add(directStarted, Stopwatch.GetTimestamp());
            eligibleCounts.Add(eligible);

            var found = twoStageTop.Select(pair => pair.Candidate.UserId).ToHashSet();
            var recall = baselineTop.Count == 0 ? 1 : baselineTop.Count(pair => found.Contains(pair.Candidate.UserId)) / (double)baselineTop.Count;
            recalls.Add(recall);
            Console.WriteLine(
                $"  {vacancy.VacancyRef}: {eligible} eligible; recall@20 {recall:F2}, by score {scoreRecalls[^1]:F2}; {tied[^1]} at or above the 20th score; (b)'s top 20 within the first {firstStageRanks[^1]} of stage one");
        }

        return new InProcessResult(
            snapshot.Count, readSeconds, poolHeap, version, vacancies.Count, eligibleCounts.Average(), eligibleCounts.Min(), settings.ShortlistSize,
            shortlistTimes, rerankTimes, twoStageTimes, explainTimes, baselineTimes, directAllTimes, twoStagePairs, baselinePairs, recalls.Average(), recalls.Min(),
            tied.Average(), scoreRecalls.Average(), firstStageRanks.Max(),
            [.. RecallKs.Select(k => (k, depths.Average(d => Recall(d, k)), depths.Min(d => Recall(d, k))))]);
    }

    private static void Warm(PoolSnapshot snapshot, LightGbmRanker ranker, VacancyProfile vacancy, MatchingOptions settings)
    {
        var shortlisted = snapshot.Matrix.Shortlist(vacancy, settings.ShortlistSize, settings.MaxDistanceKm)
            .Select(i => snapshot.Candidates[i].Profile).ToList();
        ranker.Score(vacancy, shortlisted);
        MatchExplainer.Explain(ranker, vacancy, [.. shortlisted.Take(MatchesOverHttp.Top)], maxReasons: 4, population: shortlisted);
    }

    /// <summary>Shortlist sizes whose recall@20 is worked out from where (b)'s top 20 lie in the first stage's order.</summary>
    private static readonly int[] RecallKs = [200, 400, 1000, 2000, 5000, 10000];

    /// <summary>
    /// Recall@20 with a shortlist of <paramref name="k"/>: one of (b)'s top 20 is in (a)'s top 20 exactly when the
    /// shortlist holds it, since both rank with the same model and it beats everyone outside (b)'s top 20.
    /// </summary>
    private static double Recall(int[] depth, int k) => depth.Length == 0 ? 1 : depth.Count(rank => rank <= k) / (double)depth.Length;

    /// <summary>The best <paramref name="count"/> by score, ties by account id: the order the endpoint shows.</summary>
    private static List<(PoolCandidate Candidate, float Score)> Top(IReadOnlyList<PoolCandidate> candidates, float[] scores, int count) =>
        [.. candidates.Select((candidate, i) => (Candidate: candidate, Score: scores[i]))
            .OrderByDescending(pair => pair.Score)
            .ThenBy(pair => pair.Candidate.UserId)
            .Take(count)];
}
