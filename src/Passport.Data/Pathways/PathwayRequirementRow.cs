namespace Passport.Data.Pathways;

/// <summary>A row of <c>pathway_entry_requirements</c>.</summary>
public sealed class PathwayRequirementRow
{
    public Guid PathwayId { get; set; }

    public int Position { get; set; }

    public string SkillId { get; set; } = "";

    public int MinimumLevel { get; set; }
}
