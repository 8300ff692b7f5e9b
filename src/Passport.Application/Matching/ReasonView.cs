namespace Passport.Application.Matching;

/// <summary>
/// One reason in words, with what it is about: <c>direction</c> raised or lowered, the <c>feature</c> (<c>skill</c>,
/// <c>distance_km</c>, <c>hours_mismatch</c>, <c>must_have_coverage</c>, <c>sector_experience</c>) and the skill id for skill reasons.
/// </summary>
public sealed record ReasonView(string Direction, string Text, string Feature, string? SkillId);
