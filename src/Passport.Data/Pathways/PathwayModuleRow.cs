namespace Passport.Data.Pathways;

/// <summary>A row of <c>pathway_modules</c>; <see cref="Position"/> keeps the provider's order.</summary>
public sealed class PathwayModuleRow
{
    public Guid PathwayId { get; set; }

    public int Position { get; set; }

    public string Title { get; set; } = "";

    public int Weeks { get; set; }
}
