namespace Passport.Content.Skills;

/// <summary>The shape of <c>skills/skills.json</c>, read only after the file passed its schema.</summary>
internal sealed record SkillsDocument(IReadOnlyList<SkillDocument> Skills);
