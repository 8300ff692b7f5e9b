namespace Passport.Domain.Measurement;

/// <summary>
/// When a session ends. It looks at the session's own precision, not the passport's: a player whose passport is
/// already precise still answers enough items for the sprint to add fresh evidence about each skill, and a
/// replay cannot end after zero items.
/// </summary>
public static class StoppingRule
{
    /// <param name="sessionPrecision">Per skill, the estimate from this session's responses alone.</param>
    /// <param name="skills">
    /// The sprint's skills that still have items left in this session (see <see cref="SkillsWithItemsLeft"/>). A
    /// skill whose items are used up cannot get more precise, so it must not hold the session open.
    /// </param>
    /// <param name="administeredCount">Items presented in this session so far.</param>
    /// <param name="poolExhausted">Whether every item of the pool has been presented in this session.</param>
    /// <param name="options">The target standard error and the item limit.</param>
    /// <returns>
    /// True once <see cref="SelectionOptions.MaxItems"/> items are presented, the pool is exhausted, or every
    /// listed skill has at least one response in this session and a session SE at or below the target.
    /// </returns>
    public static bool ShouldStop(
        IReadOnlyDictionary<string, AbilityEstimate> sessionPrecision,
        IReadOnlyCollection<string> skills,
        int administeredCount,
        bool poolExhausted,
        SelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(sessionPrecision);
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(options);

        if (poolExhausted || administeredCount >= options.MaxItems)
        {
            return true;
        }

        // At least one response each: with a target of 1 or more the prior alone would otherwise count as measured.
        return skills.All(skill =>
            sessionPrecision.TryGetValue(skill, out var estimate)
            && estimate.Evidence > 0
            && estimate.StandardError <= options.TargetStandardError);
    }

    /// <summary>
    /// The same rule with the pool-dependent arguments worked out from the pool and this session's presented
    /// items, so a caller cannot pass skills whose items are used up.
    /// </summary>
    public static bool ShouldStop(
        IReadOnlyList<CandidateItem> pool,
        IReadOnlySet<string> administered,
        IReadOnlyDictionary<string, AbilityEstimate> sessionPrecision,
        SelectionOptions options)
    {
        var skills = SkillsWithItemsLeft(pool, administered);
        return ShouldStop(sessionPrecision, skills, administered.Count, skills.Count == 0, options);
    }

    /// <summary>The skills, in pool order, that have at least one item not yet presented in this session.</summary>
    public static IReadOnlyList<string> SkillsWithItemsLeft(IReadOnlyList<CandidateItem> pool, IReadOnlySet<string> administered)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(administered);
        return [.. pool.Where(item => !administered.Contains(item.Id)).Select(item => item.SkillId).Distinct(StringComparer.Ordinal)];
    }
}
