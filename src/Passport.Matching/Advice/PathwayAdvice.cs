using Passport.Domain.Measurement;

namespace Passport.Matching.Advice;

/// <summary>
/// Plain rules, no model: which of a vacancy's minimums a passport misses, which pathway would close a gap, and how
/// many more vacancies a pathway would open. A vacancy is "reached" when every skill it asks is measured at or above
/// its minimum (the same threshold as the education insights).
/// </summary>
public static class PathwayAdvice
{
    public static IReadOnlyList<SkillGap> Gaps(CandidateProfile candidate, VacancyProfile vacancy)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(vacancy);
        return [.. vacancy.Skills
            .Select(requirement => (requirement, level: candidate.Skills.TryGetValue(requirement.SkillId, out var m) ? m.Level : (int?)null))
            .Where(pair => pair.level is null || pair.level < pair.requirement.MinimumLevel)
            .OrderByDescending(pair => pair.requirement.Importance)
            .ThenBy(pair => pair.requirement.SkillId, StringComparer.Ordinal)
            .Select(pair => new SkillGap(pair.requirement.SkillId, pair.level, pair.requirement.MinimumLevel, pair.requirement.Importance))];
    }

    public static bool Reaches(CandidateProfile candidate, VacancyProfile vacancy) => Gaps(candidate, vacancy).Count == 0;

    public static bool CanStart(CandidateProfile candidate, PathwayOffer pathway) => EntryMissing(candidate, pathway).Count == 0;

    /// <summary>Pathways the person can start that would lift a measured skill to the gap's minimum; an unmeasured skill needs a sprint first.</summary>
    public static IReadOnlyList<PathwayOffer> Closers(CandidateProfile candidate, SkillGap gap, IEnumerable<PathwayOffer> pathways)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(gap);
        ArgumentNullException.ThrowIfNull(pathways);
        if (!candidate.Skills.TryGetValue(gap.SkillId, out var measure))
        {
            return [];
        }

        return [.. pathways
            .Where(pathway => pathway.Gains.TryGetValue(gap.SkillId, out var gain)
                && LevelAfter(measure, gain) >= gap.MinimumLevel
                && CanStart(candidate, pathway))
            .OrderBy(pathway => pathway.DurationWeeks)
            .ThenBy(pathway => pathway.Title, StringComparer.CurrentCulture)];
    }

    /// <summary>Kilometres from where the person lives to where the pathway is taught; null when either is unknown.</summary>
    public static double? DistanceKm(CandidateProfile candidate, PathwayOffer pathway)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(pathway);
        return candidate.Location is { } home && pathway.Location is { } place ? Geo.DistanceKm(home, place) : null;
    }

    /// <summary>
    /// The pathways within <paramref name="maxDistanceKm"/> of where the person lives; every one when they did not say
    /// where they live, since then no distance is known.
    /// </summary>
    public static IReadOnlyList<PathwayOffer> Within(CandidateProfile candidate, IEnumerable<PathwayOffer> pathways, double maxDistanceKm)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(pathways);
        return [.. pathways.Where(pathway => DistanceKm(candidate, pathway) is not { } km || km <= maxDistanceKm)];
    }

    /// <summary>
    /// Every pathway's effect, best first: most vacancies newly reached, then most gaps closed, then nearest, then
    /// shortest. Only measured skills grow, by the provider's expected gain.
    /// </summary>
    public static IReadOnlyList<PathwayEffect> Rank(CandidateProfile candidate, IReadOnlyList<PathwayOffer> pathways, IReadOnlyList<VacancyProfile> vacancies)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(pathways);
        ArgumentNullException.ThrowIfNull(vacancies);
        var reachedBefore = vacancies.Where(vacancy => Reaches(candidate, vacancy)).Select(vacancy => vacancy.VacancyRef).ToHashSet(StringComparer.Ordinal);
        var effects = new List<PathwayEffect>(pathways.Count);
        foreach (var pathway in pathways)
        {
            var after = Apply(candidate, pathway);
            var newly = vacancies
                .Where(vacancy => !reachedBefore.Contains(vacancy.VacancyRef) && Reaches(after, vacancy))
                .Select(vacancy => vacancy.VacancyRef)
                .ToList();
            var closes = new List<ClosedGap>();
            foreach (var (skillId, measure) in candidate.Skills)
            {
                var lifted = after.Skills[skillId].Level;
                if (lifted > measure.Level)
                {
                    var asked = vacancies.Count(vacancy => vacancy.Skills.Any(r => r.SkillId == skillId && r.MinimumLevel > measure.Level && r.MinimumLevel <= lifted));
                    closes.Add(new ClosedGap(skillId, measure.Level, lifted, asked));
                }
            }

            effects.Add(new PathwayEffect(pathway, CanStart(candidate, pathway), EntryMissing(candidate, pathway), newly, [.. closes.OrderByDescending(c => c.Vacancies).ThenBy(c => c.SkillId, StringComparer.Ordinal)]));
        }

        return [.. effects
            .OrderByDescending(effect => effect.NewlyReachedVacancies.Count)
            .ThenByDescending(effect => effect.Closes.Sum(c => c.Vacancies))
            .ThenBy(effect => DistanceKm(candidate, effect.Pathway) ?? 0)
            .ThenBy(effect => effect.Pathway.DurationWeeks)
            .ThenBy(effect => effect.Pathway.Title, StringComparer.CurrentCulture)];
    }

    /// <summary>The level a measured skill reaches with <paramref name="gain"/> more levels (the estimate moves, the level follows).</summary>
    public static int LevelAfter(SkillMeasure measure, double gain)
    {
        ArgumentNullException.ThrowIfNull(measure);
        // A level band is one unit wide on the 1..5 scale; the estimate's position in its band carries over.
        var estimate = Math.Clamp(measure.Estimate + gain, AbilityEstimate.LowestLevel, AbilityEstimate.HighestLevel);
        return Math.Max(measure.Level, AbilityEstimate.LevelOf(estimate - Candidates.CandidateProfileReader.LevelOffset));
    }

    private static IReadOnlyList<string> EntryMissing(CandidateProfile candidate, PathwayOffer pathway) =>
        [.. pathway.EntryRequirements
            .Where(requirement => !candidate.Skills.TryGetValue(requirement.Key, out var m) || m.Level < requirement.Value)
            .Select(requirement => requirement.Key)
            .Order(StringComparer.Ordinal)];

    private static CandidateProfile Apply(CandidateProfile candidate, PathwayOffer pathway)
    {
        var skills = candidate.Skills.ToDictionary(
            pair => pair.Key,
            pair => pathway.Gains.TryGetValue(pair.Key, out var gain)
                ? pair.Value with { Level = LevelAfter(pair.Value, gain), Estimate = Math.Min(AbilityEstimate.HighestLevel, pair.Value.Estimate + gain) }
                : pair.Value,
            StringComparer.Ordinal);
        return candidate with { Skills = skills };
    }
}
