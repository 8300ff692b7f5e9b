using Passport.Domain.Accounts;
using Passport.Domain.Localization;
using Passport.Domain.Pathways;

namespace Passport.Web.Pathways;

/// <summary>The body of <c>POST</c> and <c>PUT /api/education/pathways</c>. Every field may be missing; the rules say what is required.</summary>
public sealed record PathwayRequest(
    string? Title,
    IReadOnlyList<PathwayRequest.ModuleRequest?>? Modules,
    PathwayRequest.LocationRequest? Location,
    int? Capacity,
    IReadOnlyList<PathwayRequest.RequirementRequest?>? EntryRequirements,
    IReadOnlyList<PathwayRequest.GainRequest?>? Gains,
    string? Language = null,
    IReadOnlyDictionary<string, string?>? Titles = null)
{
    /// <summary>The first day of teaching (yyyy-MM-dd); missing when students can start any time.</summary>
    public DateOnly? StartsOn { get; init; }

    /// <summary>The last day (yyyy-MM-dd); only with a start date.</summary>
    public DateOnly? EndsOn { get; init; }

    /// <summary>A module; <c>titles</c> optionally gives its title in other languages, by language code.</summary>
    public sealed record ModuleRequest(string? Title, int? Weeks, IReadOnlyDictionary<string, string?>? Titles = null);

    public sealed record LocationRequest(double? Latitude, double? Longitude, string? Place);

    public sealed record RequirementRequest(string? SkillId, int? MinimumLevel);

    public sealed record GainRequest(string? SkillId, double? ExpectedGain);

    /// <summary>
    /// Missing values become values the rules refuse (an empty title, level 0, NaN), so a missing field is reported
    /// on that field like any other broken rule.
    /// </summary>
    public Pathway ToDomain() => new(
        Title ?? "",
        [.. (Modules ?? []).Select(module => new PathwayModule(module?.Title ?? "", module?.Weeks ?? 0) { TitleTranslations = Typed(module?.Titles) })],
        Location is null ? null : new PathwayLocation(Location.Latitude ?? double.NaN, Location.Longitude ?? double.NaN, Location.Place ?? ""),
        Capacity ?? 0,
        [.. (EntryRequirements ?? []).Select(requirement => new EntryRequirement(requirement?.SkillId ?? "", requirement?.MinimumLevel ?? 0))],
        [.. (Gains ?? []).Select(gain => new SkillGain(gain?.SkillId ?? "", gain?.ExpectedGain ?? 0))])
    {
        Language = Language?.Trim() ?? Languages.Default,
        TitleTranslations = Typed(Titles),
        StartsOn = StartsOn,
        EndsOn = EndsOn,
    };

    // Blank translations count as not given; unknown language codes stay, for the rules to name them.
    private static IReadOnlyDictionary<string, string> Typed(IReadOnlyDictionary<string, string?>? titles) => MultilingualText.Given(titles);
}
