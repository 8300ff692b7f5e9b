namespace Passport.Matching.Advice;

/// <summary>
/// A skill a vacancy asks that the passport does not show at the minimum: measured below it (<see cref="Level"/>
/// set), or not measured at all (null).
/// </summary>
public sealed record SkillGap(string SkillId, int? Level, int MinimumLevel, int Importance)
{
    public bool IsMeasured => Level is not null;

    /// <summary>Levels missing; for an unmeasured skill, counted from level 1.</summary>
    public int Levels => MinimumLevel - (Level ?? 1);
}
