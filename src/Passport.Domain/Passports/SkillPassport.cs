using Passport.Domain.Gamification;
using Passport.Domain.Measurement;

namespace Passport.Domain.Passports;

/// <summary>
/// A job seeker's skills passport: per skill a posterior that combines every response ever given (so each
/// sprint sharpens it), the XP earned, the days played and the badges that follow from them. Badges are
/// derived, not stored, so they can never disagree with the evidence.
/// </summary>
public sealed class SkillPassport
{
    private readonly Dictionary<string, SkillState> _skills = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenItems = new(StringComparer.Ordinal);
    private readonly HashSet<DateOnly> _playDays = [];
    private readonly Dictionary<string, DateTimeOffset> _lastCompleted = new(StringComparer.Ordinal);

    public int TotalXp { get; private set; }

    public int CompletedSprints { get; private set; }

    public int Level => PlayerLevel.For(TotalXp);

    /// <summary>Items presented in any session, answered or timed out; a replay prefers the others.</summary>
    public IReadOnlySet<string> SeenItems => _seenItems;

    public IReadOnlyList<PassportSkill> Skills =>
        [.. _skills.Select(pair => new PassportSkill(pair.Key, pair.Value.Posterior.Estimate(), pair.Value.UpdatedAt, [.. pair.Value.Sprints]))];

    public AbilityEstimate EstimateFor(string skillId) =>
        _skills.TryGetValue(skillId, out var state) ? state.Posterior.Estimate() : AbilityEstimate.Prior;

    /// <summary>A copy of the skill's posterior, for a session to add its own responses to.</summary>
    public AbilityPosterior PosteriorFor(string skillId) =>
        _skills.TryGetValue(skillId, out var state) ? state.Posterior.Clone() : new AbilityPosterior();

    public void MarkSeen(string itemId) => _seenItems.Add(itemId);

    public void AddXp(int xp) => TotalXp += xp;

    public void AddEvidence(EvidenceRecord evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        _seenItems.Add(evidence.ItemId);
        if (!_skills.TryGetValue(evidence.SkillId, out var state))
        {
            state = new SkillState();
            _skills[evidence.SkillId] = state;
        }

        state.Posterior.Add(new ItemResponse(evidence.Model, evidence.Category));
        state.Sprints.Add(evidence.SprintId);
        if (evidence.AnsweredAt > state.UpdatedAt)
        {
            state.UpdatedAt = evidence.AnsweredAt;
        }
    }

    /// <summary>Records a finished sprint on the player's local calendar day.</summary>
    public void CompleteSprint(string sprintId, DateTimeOffset completedAt, DateOnly localDay, int bonusXp)
    {
        CompletedSprints++;
        TotalXp += bonusXp;
        _playDays.Add(localDay);
        if (!_lastCompleted.TryGetValue(sprintId, out var last) || completedAt > last)
        {
            _lastCompleted[sprintId] = completedAt;
        }
    }

    public DateTimeOffset? LastCompleted(string sprintId) =>
        _lastCompleted.TryGetValue(sprintId, out var last) ? last : null;

    public int StreakDays(DateOnly today) => Streak.Current(_playDays, today);

    /// <summary>The badges earned so far, in a fixed order.</summary>
    public IReadOnlyList<string> Badges(IReadOnlyCollection<string> frameworkSkills)
    {
        ArgumentNullException.ThrowIfNull(frameworkSkills);
        var earned = new List<string>();
        if (CompletedSprints > 0)
        {
            earned.Add(Gamification.Badges.FirstSprint);
        }

        if (frameworkSkills.Count > 0 && frameworkSkills.All(_skills.ContainsKey))
        {
            earned.Add(Gamification.Badges.AllSkillsExplored);
        }

        if (Streak.Longest(_playDays) >= Gamification.Badges.StreakDays)
        {
            earned.Add(Gamification.Badges.ThreeDayStreak);
        }

        if (_skills.Values.Any(state => state.Posterior.Estimate().StandardError <= Gamification.Badges.PreciseStandardError))
        {
            earned.Add(Gamification.Badges.PreciseSkill);
        }

        return earned;
    }

    private sealed class SkillState
    {
        public AbilityPosterior Posterior { get; } = new();

        public SortedSet<string> Sprints { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.MinValue;
    }
}
