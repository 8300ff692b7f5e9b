using System.Collections.Immutable;
using Passport.Domain.Accounts;
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
    IReadOnlyList<DemoPathwayModule> Modules,
    PathwayLocation Location,
    int Capacity,
    IReadOnlyList<EntryRequirement>? EntryRequirements,
    IReadOnlyList<SkillGain> Gains,
    string? Language = null,
    IReadOnlyDictionary<string, string>? Titles = null)
{
    /// <summary>The first day of teaching; missing when students can start any time.</summary>
    public DateOnly? StartsOn { get; init; }

    /// <summary>The last day; only with a start date.</summary>
    public DateOnly? EndsOn { get; init; }

    public Pathway ToDomain() => new(
        Title, [.. (Modules ?? []).Select(module => module.ToDomain())], Location, Capacity, EntryRequirements ?? [], Gains ?? [])
    {
        Language = Language ?? Languages.Default,
        TitleTranslations = Titles ?? ImmutableDictionary<string, string>.Empty,
        StartsOn = StartsOn,
        EndsOn = EndsOn,
    };
}

/// <summary>A module of a demo pathway; <c>titles</c> gives its title in other languages.</summary>
public sealed record DemoPathwayModule(string Title, int Weeks, IReadOnlyDictionary<string, string>? Titles = null)
{
    public PathwayModule ToDomain() => new(Title, Weeks) { TitleTranslations = Titles ?? ImmutableDictionary<string, string>.Empty };
}
