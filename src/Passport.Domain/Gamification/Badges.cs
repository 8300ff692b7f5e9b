namespace Passport.Domain.Gamification;

/// <summary>The badges a player can earn. Ids are stable (stored nowhere, derived from the passport, sent over the API).</summary>
public static class Badges
{
    public const string FirstSprint = "first-sprint";
    public const string AllSkillsExplored = "all-skills-explored";
    public const string ThreeDayStreak = "three-day-streak";
    public const string PreciseSkill = "precise-skill";

    /// <summary>A skill counts as measured precisely at or below this standard error (about ±0.6 on the theta scale).</summary>
    public const double PreciseStandardError = 0.3;

    public const int StreakDays = 3;

    public static IReadOnlyList<string> All { get; } = [FirstSprint, AllSkillsExplored, ThreeDayStreak, PreciseSkill];
}
