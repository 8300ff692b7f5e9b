using Passport.Domain.Localization;

namespace Passport.Domain.Skills;

/// <summary>What a player at one level is told after a sprint: something they already do well and one next step.</summary>
public sealed record SkillFeedback(LocalizedText Strength, LocalizedText Tip);
