namespace Passport.Data.Pathways;

/// <summary>One pathway with its child rows, each list in the provider's order.</summary>
public sealed record StoredPathway(
    PathwayRow Pathway,
    IReadOnlyList<PathwayModuleRow> Modules,
    IReadOnlyList<PathwayRequirementRow> EntryRequirements,
    IReadOnlyList<PathwayGainRow> Gains);
