using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics.Tensors;

namespace Passport.Matching;

/// <summary>Skill vectors laid out by a skills list, for the similarity baselines.</summary>
public static class SkillVectors
{
    public static float[] Importance(IReadOnlyList<string> skillIds, VacancyProfile vacancy)
    {
        ArgumentNullException.ThrowIfNull(skillIds);
        ArgumentNullException.ThrowIfNull(vacancy);
        var vector = new float[skillIds.Count];
        foreach (var requirement in vacancy.Skills)
        {
            var i = IndexOf(skillIds, requirement.SkillId);
            if (i >= 0)
            {
                vector[i] = requirement.Importance;
            }
        }

        return vector;
    }

    public static void Levels(IReadOnlyList<string> skillIds, CandidateProfile candidate, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(skillIds);
        ArgumentNullException.ThrowIfNull(candidate);
        for (var i = 0; i < skillIds.Count; i++)
        {
            destination[i] = (float)(candidate.Skills.TryGetValue(skillIds[i], out var m) ? m.Estimate : FeatureSchema.UnmeasuredEstimate);
        }
    }

    internal static int IndexOf(IReadOnlyList<string> skillIds, string id)
    {
        for (var i = 0; i < skillIds.Count; i++)
        {
            if (string.Equals(skillIds[i], id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// Candidates in column-major form (one float column per skill) for the fast first stage: a hard filter on
/// must-haves and distance, then a vectorised weighted-gap score over all candidates at once
/// (<see cref="TensorPrimitives"/>), whose top K go on to the learned re-rank. Built once per pool and shared by
/// concurrent requests: a request allocates nothing in proportion to the pool but pooled buffers, computes each
/// distance once per distinct home (people live in town centres) and reads sector experience from a 0/1 column
/// made once per sector.
/// </summary>
public sealed class CandidateMatrix
{
    /// <summary>
    /// The estimate the first stage assumes for a skill the passport has not measured, instead of the lowest level
    /// the features use. The learned ranker does not score an unmeasured skill as level 1 (its standard error of 2
    /// says the level is unknown), and over 100,000 candidates many of its top 20 have one; the first stage ranking
    /// them as level 1 left them out of the top K. Measured over 100,000 (docs/benchmarks.md): recall@20 at K = 400
    /// was 0.46 with 1, 0.64 with 3 and 0.71 with 4.
    /// </summary>
    public const float ShortlistUnmeasuredEstimate = 4f;

    private readonly float[][] _columns;
    private readonly float[][] _shortlistColumns;
    private readonly float[] _hours;
    private readonly int[] _unknownHours;

    // Per candidate the index of their home in _homes; -1 when they did not say where they live.
    private readonly int[] _home;
    private readonly GeoPoint[] _homes;
    private readonly ConcurrentDictionary<string, float[]> _sectorColumns = new(StringComparer.Ordinal);

    private CandidateMatrix(IReadOnlyList<string> skillIds, IReadOnlyList<CandidateProfile> candidates, float[][] columns, float[][] shortlistColumns)
    {
        SkillIds = skillIds;
        Candidates = candidates;
        _columns = columns;
        _shortlistColumns = shortlistColumns;
        _hours = candidates.Select(c => (float)(c.HoursWanted ?? 0)).ToArray();
        _unknownHours = [.. candidates.Select((c, i) => (c, i)).Where(p => p.c.HoursWanted is null).Select(p => p.i)];
        var homes = new Dictionary<GeoPoint, int>();
        _home = new int[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            if (candidates[c].Location is not { } location)
            {
                _home[c] = -1;
                continue;
            }

            if (!homes.TryGetValue(location, out var index))
            {
                index = homes.Count;
                homes[location] = index;
            }

            _home[c] = index;
        }

        _homes = new GeoPoint[homes.Count];
        foreach (var (location, index) in homes)
        {
            _homes[index] = location;
        }
    }

    public IReadOnlyList<string> SkillIds { get; }

    public IReadOnlyList<CandidateProfile> Candidates { get; }

    public static CandidateMatrix From(IReadOnlyList<string> skillIds, IReadOnlyList<CandidateProfile> candidates)
    {
        ArgumentNullException.ThrowIfNull(skillIds);
        ArgumentNullException.ThrowIfNull(candidates);
        var columns = new float[skillIds.Count][];
        var shortlistColumns = new float[skillIds.Count][];
        for (var s = 0; s < skillIds.Count; s++)
        {
            var column = columns[s] = new float[candidates.Count];
            var shortlistColumn = shortlistColumns[s] = new float[candidates.Count];
            for (var c = 0; c < candidates.Count; c++)
            {
                var measured = candidates[c].Skills.TryGetValue(skillIds[s], out var m);
                column[c] = (float)(measured ? m!.Estimate : FeatureSchema.UnmeasuredEstimate);
                shortlistColumn[c] = measured ? (float)m!.Estimate : ShortlistUnmeasuredEstimate;
            }
        }

        return new CandidateMatrix(skillIds, candidates, columns, shortlistColumns);
    }

    /// <summary>
    /// Σ importance × surplus − 2 × Σ importance × shortfall per candidate, into <paramref name="scores"/>
    /// (length = candidates); vectorised over candidates, one pass per skill the vacancy asks.
    /// </summary>
    public void WeightedGapScores(VacancyProfile vacancy, Span<float> scores) => WeightedGapScores(_columns, vacancy, scores);

    private void WeightedGapScores(float[][] columns, VacancyProfile vacancy, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        if (scores.Length != Candidates.Count)
        {
            throw new ArgumentException("Needs one score per candidate.", nameof(scores));
        }

        scores.Clear();
        var gapBuffer = ArrayPool<float>.Shared.Rent(Candidates.Count);
        var partBuffer = ArrayPool<float>.Shared.Rent(Candidates.Count);
        try
        {
            var gap = gapBuffer.AsSpan(0, Candidates.Count);
            var part = partBuffer.AsSpan(0, Candidates.Count);
            foreach (var requirement in vacancy.Skills)
            {
                var s = SkillVectors.IndexOf(SkillIds, requirement.SkillId);
                if (s < 0 || requirement.Importance == 0)
                {
                    continue;
                }

                TensorPrimitives.Subtract(columns[s], (float)requirement.MinimumLevel, gap);
                TensorPrimitives.Max(gap, 0f, part);
                TensorPrimitives.MultiplyAdd(part, (float)requirement.Importance, scores, scores);
                TensorPrimitives.Min(gap, 0f, part);
                TensorPrimitives.MultiplyAdd(part, 2f * requirement.Importance, scores, scores);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(gapBuffer);
            ArrayPool<float>.Shared.Return(partBuffer);
        }
    }

    /// <summary>
    /// The first-stage score: the weighted gap per unit of importance, minus <paramref name="hoursWeight"/> per hour
    /// of difference from the job's hours, plus <paramref name="sectorWeight"/> for experience in its sector.
    /// The defaults are a cheap proxy of what the learned ranker rewards, so its top K holds the ranker's top N.
    /// </summary>
    public void ShortlistScores(VacancyProfile vacancy, Span<float> scores, float hoursWeight = 0.05f, float sectorWeight = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        WeightedGapScores(_shortlistColumns, vacancy, scores);
        var importance = vacancy.Skills.Sum(r => r.Importance);
        TensorPrimitives.Multiply(scores, 1f / Math.Max(1, importance), scores);
        var buffer = ArrayPool<float>.Shared.Rent(Candidates.Count);
        try
        {
            var mismatch = buffer.AsSpan(0, Candidates.Count);
            TensorPrimitives.Subtract(_hours, (float)vacancy.HoursPerWeek, mismatch);
            TensorPrimitives.Abs(mismatch, mismatch);
            foreach (var c in _unknownHours)
            {
                mismatch[c] = (float)FeatureSchema.UnknownHoursMismatch;
            }

            TensorPrimitives.MultiplyAdd(mismatch, -hoursWeight, scores, scores);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }

        // The column is 1 or 0, so adding column x weight adds exactly the weight where the candidate has experience.
        TensorPrimitives.MultiplyAdd(SectorColumn(vacancy.Sector), sectorWeight, scores, scores);
    }

    /// <summary>Indices of candidates who hold every must-have and live within <paramref name="maxDistanceKm"/>.</summary>
    public List<int> Eligible(VacancyProfile vacancy, double maxDistanceKm)
    {
        var distances = DistancesByHome(vacancy);
        var eligible = new List<int>();
        for (var c = 0; c < Candidates.Count; c++)
        {
            if (IsEligible(c, vacancy, distances, maxDistanceKm, out _))
            {
                eligible.Add(c);
            }
        }

        return eligible;
    }

    /// <summary>
    /// The first stage: the top <paramref name="k"/> eligible candidates by <see cref="ShortlistScores"/> minus
    /// <paramref name="distanceWeight"/> per km beyond <paramref name="freeKm"/>, best first.
    /// </summary>
    public IReadOnlyList<int> Shortlist(VacancyProfile vacancy, int k, double maxDistanceKm, float distanceWeight = 0.04f, float freeKm = 25) =>
        Shortlist(vacancy, k, maxDistanceKm, out _, distanceWeight, freeKm);

    /// <summary>As above; <paramref name="eligible"/> tells how many passed the filter.</summary>
    public IReadOnlyList<int> Shortlist(VacancyProfile vacancy, int k, double maxDistanceKm, out int eligible, float distanceWeight = 0.04f, float freeKm = 25)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentNullException.ThrowIfNull(vacancy);
        eligible = 0;
        var distances = DistancesByHome(vacancy);
        var buffer = ArrayPool<float>.Shared.Rent(Candidates.Count);
        var heap = new PriorityQueue<int, float>(k + 1);
        try
        {
            var scores = buffer.AsSpan(0, Candidates.Count);
            ShortlistScores(vacancy, scores);
            for (var c = 0; c < Candidates.Count; c++)
            {
                if (!IsEligible(c, vacancy, distances, maxDistanceKm, out var distance))
                {
                    continue;
                }

                eligible++;
                var score = scores[c] - (distanceWeight * Math.Max(0, (float)distance - freeKm));
                // Keep the best k: once full, only a candidate above the lowest kept one gets in (and pushes it out).
                if (heap.Count < k)
                {
                    heap.Enqueue(c, score);
                }
                else if (heap.TryPeek(out _, out var lowest) && score > lowest)
                {
                    heap.EnqueueDequeue(c, score);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }

        var top = new int[heap.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            top[i] = heap.Dequeue();
        }

        return top;
    }

    /// <summary>Holds every must-have and lives within <paramref name="maxDistanceKm"/> (<see cref="FeatureSchema.DistanceKmOf"/>).</summary>
    private bool IsEligible(int c, VacancyProfile vacancy, double[] distancesByHome, double maxDistanceKm, out double distance)
    {
        distance = _home[c] < 0 ? FeatureSchema.UnknownDistanceKm : distancesByHome[_home[c]];
        return distance <= maxDistanceKm && (vacancy.MustHaves.Count == 0 || FeatureSchema.MustHaveCoverageOf(Candidates[c], vacancy) >= 1);
    }

    /// <summary>The distance from each distinct home to the vacancy, the same numbers <see cref="FeatureSchema.DistanceKmOf"/> gives.</summary>
    private double[] DistancesByHome(VacancyProfile vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        var distances = new double[_homes.Length];
        for (var h = 0; h < _homes.Length; h++)
        {
            distances[h] = Geo.DistanceKm(_homes[h], vacancy.Location);
        }

        return distances;
    }

    /// <summary>1 for candidates with experience in <paramref name="sector"/>, else 0; made once per sector.</summary>
    private float[] SectorColumn(string sector) =>
        _sectorColumns.GetOrAdd(sector, key => [.. Candidates.Select(candidate => candidate.ExperienceCategories.Contains(key) ? 1f : 0f)]);
}
