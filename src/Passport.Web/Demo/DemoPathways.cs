using Passport.Domain.Pathways;
using Passport.Web.Hosting;

namespace Passport.Web.Demo;

/// <summary>The shape of <c>content/demo/pathways.json</c>: demo pathways of the demo education providers.</summary>
public sealed record DemoPathways(IReadOnlyList<DemoPathway> Pathways)
{
    public static DemoPathways Load(ContentOptions content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.ReadJson<DemoPathways, DemoPathways>(demo => demo, "demo", "pathways.json");
    }
}

public sealed record DemoPathway(
    Guid Id,
    Guid Provider,
    PathwayStatus Status,
    string Title,
    IReadOnlyList<PathwayModule> Modules,
    PathwayLocation Location,
    int Capacity,
    IReadOnlyList<EntryRequirement>? EntryRequirements,
    IReadOnlyList<SkillGain> Gains)
{
    /// <summary>The first day of teaching; missing when students can start any time.</summary>
    public DateOnly? StartsOn { get; init; }

    /// <summary>The last day; only with a start date.</summary>
    public DateOnly? EndsOn { get; init; }

    public Pathway ToDomain() => new(Title, Modules ?? [], Location, Capacity, EntryRequirements ?? [], Gains ?? [])
    {
        StartsOn = StartsOn,
        EndsOn = EndsOn,
    };
}
