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
/// (<see cref="TensorPrimitives"/>), whose top K go on to the learned re-rank.
/// </summary>
public sealed class CandidateMatrix
{
    private readonly float[][] _columns;
    private readonly float[] _hours;
    private readonly int[] _unknownHours;

    private CandidateMatrix(IReadOnlyList<string> skillIds, IReadOnlyList<CandidateProfile> candidates, float[][] columns)
    {
        SkillIds = skillIds;
        Candidates = candidates;
        _columns = columns;
        _hours = candidates.Select(c => (float)(c.HoursWanted ?? 0)).ToArray();
        _unknownHours = [.. candidates.Select((c, i) => (c, i)).Where(p => p.c.HoursWanted is null).Select(p => p.i)];
    }

    public IReadOnlyList<string> SkillIds { get; }

    public IReadOnlyList<CandidateProfile> Candidates { get; }

    public static CandidateMatrix From(IReadOnlyList<string> skillIds, IReadOnlyList<CandidateProfile> candidates)
    {
        ArgumentNullException.ThrowIfNull(skillIds);
        ArgumentNullException.ThrowIfNull(candidates);
        var columns = new float[skillIds.Count][];
        for (var s = 0; s < skillIds.Count; s++)
        {
            var column = columns[s] = new float[candidates.Count];
            for (var c = 0; c < candidates.Count; c++)
            {
                column[c] = (float)(candidates[c].Skills.TryGetValue(skillIds[s], out var m) ? m.Estimate : FeatureSchema.UnmeasuredEstimate);
            }
        }

        return new CandidateMatrix(skillIds, candidates, columns);
    }

    /// <summary>
    /// Σ importance × surplus − 2 × Σ importance × shortfall per candidate, into <paramref name="scores"/>
    /// (length = candidates); vectorised over candidates, one pass per skill the vacancy asks.
    /// </summary>
    public void WeightedGapScores(VacancyProfile vacancy, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        if (scores.Length != Candidates.Count)
        {
            throw new ArgumentException("Needs one score per candidate.", nameof(scores));
        }

        scores.Clear();
        var gap = new float[Candidates.Count];
        var part = new float[Candidates.Count];
        foreach (var requirement in vacancy.Skills)
        {
            var s = SkillVectors.IndexOf(SkillIds, requirement.SkillId);
            if (s < 0 || requirement.Importance == 0)
            {
                continue;
            }

            TensorPrimitives.Subtract(_columns[s], (float)requirement.MinimumLevel, gap);
            TensorPrimitives.Max(gap, 0f, part);
            TensorPrimitives.MultiplyAdd(part, (float)requirement.Importance, scores, scores);
            TensorPrimitives.Min(gap, 0f, part);
            TensorPrimitives.MultiplyAdd(part, 2f * requirement.Importance, scores, scores);
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
        WeightedGapScores(vacancy, scores);
        var importance = vacancy.Skills.Sum(r => r.Importance);
        TensorPrimitives.Multiply(scores, 1f / Math.Max(1, importance), scores);
        var mismatch = new float[Candidates.Count];
        TensorPrimitives.Subtract(_hours, (float)vacancy.HoursPerWeek, mismatch);
        TensorPrimitives.Abs(mismatch, mismatch);
        foreach (var c in _unknownHours)
        {
            mismatch[c] = (float)FeatureSchema.UnknownHoursMismatch;
        }

        TensorPrimitives.MultiplyAdd(mismatch, -hoursWeight, scores, scores);
        for (var c = 0; c < Candidates.Count; c++)
        {
            if (Candidates[c].ExperienceCategories.Contains(vacancy.Sector))
            {
                scores[c] += sectorWeight;
            }
        }
    }

    /// <summary>Indices of candidates who hold every must-have and live within <paramref name="maxDistanceKm"/>.</summary>
    public List<int> Eligible(VacancyProfile vacancy, double maxDistanceKm) =>
        EligibleWithDistance(vacancy, maxDistanceKm).Select(e => e.Index).ToList();

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
        eligible = 0;
        var scores = new float[Candidates.Count];
        ShortlistScores(vacancy, scores);
        var heap = new PriorityQueue<int, float>(k + 1);
        foreach (var (c, distance) in EligibleWithDistance(vacancy, maxDistanceKm))
        {
            eligible++;
            heap.Enqueue(c, scores[c] - (distanceWeight * Math.Max(0, distance - freeKm)));
            if (heap.Count > k)
            {
                heap.Dequeue();
            }
        }

        var top = new int[heap.Count];
        for (var i = top.Length - 1; i >= 0; i--)
        {
            top[i] = heap.Dequeue();
        }

        return top;
    }

    private IEnumerable<(int Index, float DistanceKm)> EligibleWithDistance(VacancyProfile vacancy, double maxDistanceKm)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        for (var c = 0; c < Candidates.Count; c++)
        {
            var candidate = Candidates[c];
            if (FeatureSchema.MustHaveCoverageOf(candidate, vacancy) < 1)
            {
                continue;
            }

            var distance = FeatureSchema.DistanceKmOf(candidate, vacancy);
            if (distance <= maxDistanceKm)
            {
                yield return (c, (float)distance);
            }
        }
    }
}
