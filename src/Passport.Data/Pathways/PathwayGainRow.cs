namespace Passport.Data.Pathways;

/// <summary>A row of <c>pathway_gains</c>.</summary>
public sealed class PathwayGainRow
{
    public Guid PathwayId { get; set; }

    public int Position { get; set; }

    public string SkillId { get; set; } = "";

    public double ExpectedGain { get; set; }
}
