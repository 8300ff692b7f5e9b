namespace Passport.Domain.Pathways;

/// <summary>A level a student needs in one skill before starting (1 to 5, like the passport's levels).</summary>
public sealed record EntryRequirement(string SkillId, int MinimumLevel);
