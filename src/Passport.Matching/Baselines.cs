using System.Numerics.Tensors;

namespace Passport.Matching;

/// <summary>Random order, reproducible for a seed: the floor every ranker must beat.</summary>
public sealed class RandomScorer(int seed) : ICandidateScorer
{
    public string Name => "Random order";

    public float[] Score(VacancyProfile vacancy, IReadOnlyList<CandidateProfile> candidates)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(candidates);
        // Seeded per vacancy, so the order does not depend on which vacancies were scored before; not HashCode,
        // which is randomised per process.
        var random = new Random(unchecked((seed * 397) ^ StableHash(vacancy.VacancyRef)));
        return candidates.Select(_ => random.NextSingle()).ToArray();
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}

/// <summary>Cosine similarity between the candidate's level estimates and the vacancy's importance profile.</summary>
public sealed class CosineScorer(IReadOnlyList<string> skillIds) : ICandidateScorer
{
    public string Name => "Cosine similarity of skill profiles";

    public float[] Score(VacancyProfile vacancy, IReadOnlyList<CandidateProfile> candidates)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(candidates);
        var profile = SkillVectors.Importance(skillIds, vacancy);
        var levels = new float[skillIds.Count];
        var scores = new float[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            SkillVectors.Levels(skillIds, candidates[i], levels);
            scores[i] = TensorPrimitives.CosineSimilarity(levels, profile);
        }

        return scores;
    }
}

/// <summary>The hand-made heuristic: importance-weighted surplus minus a double penalty for every level short.</summary>
public sealed class WeightedGapScorer(IReadOnlyList<string> skillIds) : ICandidateScorer
{
    public string Name => "Weighted-gap heuristic";

    public float[] Score(VacancyProfile vacancy, IReadOnlyList<CandidateProfile> candidates)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(candidates);
        var pool = CandidateMatrix.From(skillIds, candidates);
        var scores = new float[candidates.Count];
        pool.WeightedGapScores(vacancy, scores);
        return scores;
    }
}
