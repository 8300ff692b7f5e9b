namespace Passport.Domain.Measurement;

/// <summary>
/// Chooses the next item of a session. Three concerns, in this order:
/// <list type="number">
/// <item>Balance: a sprint measures a few skills and must report on each, so the next item is for the skill
/// this session has measured least precisely (highest session SE; ties: fewest items so far, then the order in
/// which the pool first names the skills).</item>
/// <item>Freshness: on a replay, items the player has seen before are used for a skill only when its unseen ones
/// are used up, so evidence is new and remembered answers do not count twice.</item>
/// <item>Efficiency with exposure control: the most informative items at the skill's best current estimate,
/// drawn at random among the top <see cref="SelectionOptions.Randomesque"/> ("randomesque", Kingsbury and Zara,
/// 1989) so that the single best item is not what every player at that level sees.</item>
/// </list>
/// </summary>
public static class AdaptiveItemSelector
{
    /// <summary>Session standard errors closer than this count as equal, so float noise does not decide balance.</summary>
    private const double SameStandardError = 1e-9;

    /// <param name="pool">The sprint's items in authoring order; that order breaks ties.</param>
    /// <param name="administered">Item ids already presented in this session.</param>
    /// <param name="previouslySeen">Item ids presented in earlier sessions.</param>
    /// <param name="location">
    /// Per skill, where to evaluate information: the best current estimate, i.e. the passport combined with
    /// this session. A missing skill is at the prior.
    /// </param>
    /// <param name="sessionPrecision">
    /// Per skill, the estimate from this session's responses alone; its standard error drives balancing. A
    /// missing skill counts as unmeasured (prior SE 1).
    /// </param>
    /// <param name="options">Only <see cref="SelectionOptions.Randomesque"/> is used here; stopping is
    /// <see cref="StoppingRule"/>'s job.</param>
    /// <param name="random">Draws among the top items; seed it to replay a session exactly.</param>
    /// <returns>The next item, or null when every item of the pool has been presented in this session.</returns>
    public static CandidateItem? SelectNext(
        IReadOnlyList<CandidateItem> pool,
        IReadOnlySet<string> administered,
        IReadOnlySet<string> previouslySeen,
        IReadOnlyDictionary<string, AbilityEstimate> location,
        IReadOnlyDictionary<string, AbilityEstimate> sessionPrecision,
        SelectionOptions options,
        Random random)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(administered);
        ArgumentNullException.ThrowIfNull(previouslySeen);
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(sessionPrecision);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);

        var skill = TargetSkill(pool, administered, sessionPrecision);
        if (skill is null)
        {
            return null;
        }

        var candidates = Remaining(pool, skill, administered, previouslySeen, unseenOnly: true);
        if (candidates.Count == 0)
        {
            candidates = Remaining(pool, skill, administered, previouslySeen, unseenOnly: false);
        }

        var theta = location.TryGetValue(skill, out var estimate) ? estimate.Estimate : AbilityEstimate.Prior.Estimate;
        var ranked = candidates
            .Select((item, order) => (Item: item, Order: order, Information: item.Model.Information(theta)))
            .OrderByDescending(candidate => candidate.Information)
            .ThenBy(candidate => candidate.Order)
            .ToList();
        var top = Math.Min(options.Randomesque, ranked.Count);
        return ranked[top == 1 ? 0 : random.Next(top)].Item;
    }

    /// <summary>The skill to measure next, or null when no skill has items left.</summary>
    private static string? TargetSkill(
        IReadOnlyList<CandidateItem> pool,
        IReadOnlySet<string> administered,
        IReadOnlyDictionary<string, AbilityEstimate> sessionPrecision)
    {
        // Skills in the order the pool first names them, with how many of their items this session used.
        var order = new List<string>();
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var open = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in pool)
        {
            if (used.TryAdd(item.SkillId, 0))
            {
                order.Add(item.SkillId);
            }

            if (administered.Contains(item.Id))
            {
                used[item.SkillId]++;
            }
            else
            {
                open.Add(item.SkillId);
            }
        }

        string? best = null;
        double bestError = 0;
        var bestUsed = 0;
        foreach (var skill in order)
        {
            if (!open.Contains(skill))
            {
                continue;
            }

            var error = sessionPrecision.TryGetValue(skill, out var estimate)
                ? estimate.StandardError
                : AbilityEstimate.Prior.StandardError;
            var better = best is null
                || error > bestError + SameStandardError
                || (Math.Abs(error - bestError) <= SameStandardError && used[skill] < bestUsed);
            if (better)
            {
                best = skill;
                bestError = error;
                bestUsed = used[skill];
            }
        }

        return best;
    }

    private static List<CandidateItem> Remaining(
        IReadOnlyList<CandidateItem> pool,
        string skill,
        IReadOnlySet<string> administered,
        IReadOnlySet<string> previouslySeen,
        bool unseenOnly) =>
        [.. pool.Where(item =>
            item.SkillId == skill
            && !administered.Contains(item.Id)
            && (!unseenOnly || !previouslySeen.Contains(item.Id)))];
}
