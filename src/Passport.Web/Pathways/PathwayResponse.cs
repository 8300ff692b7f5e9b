using System.Text.Json;
using Passport.Grains.Pathways;

namespace Passport.Web.Pathways;

/// <summary>
/// A pathway as the API shows it. It describes a course only: there is no personal data in it. The status is a lower
/// camelCase word (<c>draft</c>, <c>open</c>, <c>full</c>, <c>closed</c>), like other statuses of the API.
/// </summary>
public sealed record PathwayResponse(
    Guid Id,
    PathwayResponse.ProviderResponse Provider,
    string Status,
    string Title,
    IReadOnlyList<PathwayResponse.ModuleResponse> Modules,
    int DurationWeeks,
    PathwayResponse.LocationResponse Location,
    int Capacity,
    IReadOnlyList<PathwayResponse.RequirementResponse> EntryRequirements,
    IReadOnlyList<PathwayResponse.GainResponse> Gains,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The first day of teaching; null when students can start any time.</summary>
    public DateOnly? StartsOn { get; init; }

    /// <summary>The last day; null when not fixed.</summary>
    public DateOnly? EndsOn { get; init; }

    public sealed record ProviderResponse(Guid Id, string Name);

    public sealed record ModuleResponse(string Title, int Weeks);

    public sealed record LocationResponse(double Latitude, double Longitude, string Place);

    public sealed record RequirementResponse(string SkillId, int MinimumLevel);

    public sealed record GainResponse(string SkillId, double ExpectedGain);

    public static PathwayResponse From(PathwayView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var content = view.Content;
        return new(
            view.Id,
            new ProviderResponse(view.OrganisationId, view.OrganisationName),
            JsonNamingPolicy.CamelCase.ConvertName(view.Status.ToString()),
            content.Title,
            [.. content.Modules.Select(module => new ModuleResponse(module.Title, module.Weeks))],
            content.DurationWeeks,
            new LocationResponse(content.Latitude, content.Longitude, content.Place),
            content.Capacity,
            [.. content.EntryRequirements.Select(requirement => new RequirementResponse(requirement.SkillId, requirement.MinimumLevel))],
            [.. content.Gains.Select(gain => new GainResponse(gain.SkillId, gain.ExpectedGain))],
            view.UpdatedAt)
        {
            StartsOn = content.StartsOn,
            EndsOn = content.EndsOn,
        };
    }
}
