namespace Passport.Matching;

public enum ReasonDirection
{
    Raised,
    Lowered,
}

/// <summary>
/// One structured reason: a feature (per-skill ones carry the skill id) that raised or lowered a candidate's score
/// against the vacancy's average candidate, and by how much (in score units). Words come later, per language.
/// </summary>
public sealed record MatchReason(string Feature, string? SkillId, ReasonDirection Direction, double Magnitude);

public sealed record CandidateExplanation(string CandidateRef, float Score, IReadOnlyList<MatchReason> Reasons);

/// <summary>
/// Explains scores by perturbation against the vacancy's average candidate: per candidate, the score change when one
/// input is set to the average of the vacancy's candidates. A skill's measurement is swapped as a whole, so its
/// reason (feature <see cref="SkillFeature"/>, with the skill id) carries every feature built from it (per-skill
/// terms, surplus, deficit, uncertainty); distance, hours, must-have coverage and sector experience are swapped one
/// feature at a time. Model-agnostic and cheap: one batch of candidates × (skills + 5) rows.
/// </summary>
public static class MatchExplainer
{
    /// <summary>The feature name of a per-skill reason: the candidate's measured level (and its error) in that skill.</summary>
    public const string SkillFeature = "skill";

    private static readonly string[] PairInputs =
        [FeatureSchema.DistanceKm, FeatureSchema.HoursMismatch, FeatureSchema.MustHaveCoverage, FeatureSchema.SectorExperience];

    /// <param name="onlySkills">
    /// When given, only these skills can become reasons, and every other skill of each candidate counts as the average
    /// candidate's: for explaining what a card shows when the card shows only some skills.
    /// </param>
    public static IReadOnlyList<CandidateExplanation> Explain(
        LightGbmRanker ranker,
        VacancyProfile vacancy,
        IReadOnlyList<CandidateProfile> candidates,
        int maxReasons = 5,
        double minimumMagnitude = 1e-3,
        IReadOnlyList<CandidateProfile>? population = null,
        IReadOnlySet<string>? onlySkills = null)
    {
        ArgumentNullException.ThrowIfNull(ranker);
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(maxReasons);
        if (candidates.Count == 0)
        {
            return [];
        }

        // The reference is "the vacancy's average candidate": of the given population (e.g. everyone eligible), or
        // else of the candidates explained.
        population = population is { Count: > 0 } ? population : candidates;
        var schema = ranker.Schema;
        var averageSkills = schema.SkillIds.ToDictionary(id => id, id => AverageMeasure(population, id), StringComparer.Ordinal);
        var explained = onlySkills is null ? schema.SkillIds : [.. schema.SkillIds.Where(onlySkills.Contains)];
        if (onlySkills is not null)
        {
            candidates = [.. candidates.Select(candidate => candidate with
            {
                Skills = schema.SkillIds.Where(id => !onlySkills.Contains(id) || candidate.Skills.ContainsKey(id)).ToDictionary(
                    id => id, id => onlySkills.Contains(id) ? candidate.Skills[id] : averageSkills[id], StringComparer.Ordinal),
            })];
        }

        var original = candidates.Select(c => schema.Compute(c, vacancy).Values.ToArray()).ToArray();
        var average = new float[schema.Count];
        var row = new float[schema.Count];
        foreach (var member in population)
        {
            schema.ComputeInto(member, vacancy, row);
            for (var j = 0; j < average.Length; j++)
            {
                average[j] += row[j] / population.Count;
            }
        }

        var pairInputs = PairInputs.Select(name => schema.IndexOf(name)).ToArray();
        var width = 1 + explained.Count + pairInputs.Length;

        // Row layout per candidate: the original, one row per skill swapped, one per pair input averaged.
        var batch = new List<float[]>(candidates.Count * width);
        for (var i = 0; i < candidates.Count; i++)
        {
            batch.Add(original[i]);
            foreach (var skillId in explained)
            {
                var skills = new Dictionary<string, SkillMeasure>(candidates[i].Skills, StringComparer.Ordinal) { [skillId] = averageSkills[skillId] };
                batch.Add(schema.Compute(candidates[i] with { Skills = skills }, vacancy).Values.ToArray());
            }

            foreach (var j in pairInputs)
            {
                var perturbed = (float[])original[i].Clone();
                perturbed[j] = average[j];
                batch.Add(perturbed);
            }
        }

        var scores = ranker.ScoreFeatures(batch);
        var explanations = new List<CandidateExplanation>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var start = i * width;
            var score = scores[start];
            var deltas = explained.Select((id, s) => (Feature: SkillFeature, SkillId: (string?)id, Delta: (double)(score - scores[start + 1 + s])))
                .Concat(PairInputs.Select((name, p) => (Feature: name, SkillId: (string?)null, Delta: (double)(score - scores[start + 1 + explained.Count + p]))));
            var reasons = deltas
                .Where(r => Math.Abs(r.Delta) >= minimumMagnitude)
                .OrderByDescending(r => Math.Abs(r.Delta))
                .Take(maxReasons)
                .Select(r => new MatchReason(r.Feature, r.SkillId, r.Delta > 0 ? ReasonDirection.Raised : ReasonDirection.Lowered, Math.Abs(r.Delta)))
                .ToList();
            explanations.Add(new CandidateExplanation(candidates[i].CandidateRef, score, reasons));
        }

        return explanations;
    }

    private static SkillMeasure AverageMeasure(IReadOnlyList<CandidateProfile> candidates, string skillId)
    {
        double estimate = 0, error = 0;
        foreach (var candidate in candidates)
        {
            var measured = candidate.Skills.TryGetValue(skillId, out var m);
            estimate += measured ? m!.Estimate : FeatureSchema.UnmeasuredEstimate;
            error += measured ? m!.StandardError : FeatureSchema.UnmeasuredStandardError;
        }

        estimate /= candidates.Count;
        return new SkillMeasure((int)Math.Round(estimate), estimate, error / candidates.Count);
    }
}
