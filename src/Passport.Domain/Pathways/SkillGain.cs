namespace Passport.Domain.Pathways;

/// <summary>How many levels the provider expects a student to grow in one skill by finishing the pathway.</summary>
public sealed record SkillGain(string SkillId, double ExpectedGain);
