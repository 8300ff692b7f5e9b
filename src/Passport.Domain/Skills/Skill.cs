using Passport.Domain.Localization;

namespace Passport.Domain.Skills;

/// <summary>
/// A transversal soft skill of the framework: what it is, five level descriptors and the feedback a player at
/// each level receives. <see cref="EscoUri"/> ties it to the closest ESCO concept for partners' systems.
/// </summary>
public sealed record Skill(
    string Id,
    Uri EscoUri,
    LocalizedText Name,
    LocalizedText Description,
    IReadOnlyList<LocalizedText> Levels,
    IReadOnlyList<SkillFeedback> Feedback)
{
    public const int LevelCount = 5;

    /// <summary>The feedback for a level from 1 to 5.</summary>
    public SkillFeedback FeedbackFor(int level) => Feedback[Math.Clamp(level, 1, LevelCount) - 1];
}
