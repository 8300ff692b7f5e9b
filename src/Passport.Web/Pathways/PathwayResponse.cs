using System.Text.Json;
using Passport.Domain.Localization;
using Passport.Grains.Pathways;
using Passport.Web.Localization;

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
    DateTimeOffset UpdatedAt,
    string Language,
    IReadOnlyDictionary<string, string> Titles)
{
    /// <summary>The first day of teaching; null when students can start any time.</summary>
    public DateOnly? StartsOn { get; init; }

    /// <summary>The last day; null when not fixed.</summary>
    public DateOnly? EndsOn { get; init; }

    public sealed record ProviderResponse(Guid Id, string Name);

    /// <summary>A module: its title for the reader, and every language given.</summary>
    public sealed record ModuleResponse(string Title, int Weeks, IReadOnlyDictionary<string, string> Titles);

    public sealed record LocationResponse(double Latitude, double Longitude, string Place);

    public sealed record RequirementResponse(string SkillId, int MinimumLevel);

    public sealed record GainResponse(string SkillId, double ExpectedGain);

    /// <summary>
    /// The pathway for a reader of the request's language: <c>title</c> and module titles in it when the provider
    /// gave that language, else in the pathway's own <c>language</c>; <c>titles</c> has every language given.
    /// </summary>
    public static PathwayResponse From(PathwayView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var content = view.Content;
        var reader = LocalizationHostingExtensions.CurrentLanguage();
        return new(
            view.Id,
            new ProviderResponse(view.OrganisationId, view.OrganisationName),
            JsonNamingPolicy.CamelCase.ConvertName(view.Status.ToString()),
            content.TitleIn(reader),
            [.. content.Modules.Select(module => new ModuleResponse(
                content.ModuleTitleIn(module, reader), module.Weeks, MultilingualText.Of(content.Language, module.Title, module.TitleTranslations).All))],
            content.DurationWeeks,
            new LocationResponse(content.Latitude, content.Longitude, content.Place),
            content.Capacity,
            [.. content.EntryRequirements.Select(requirement => new RequirementResponse(requirement.SkillId, requirement.MinimumLevel))],
            [.. content.Gains.Select(gain => new GainResponse(gain.SkillId, gain.ExpectedGain))],
            view.UpdatedAt,
            content.Language,
            MultilingualText.Of(content.Language, content.Title, content.TitleTranslations).All)
        {
            StartsOn = content.StartsOn,
            EndsOn = content.EndsOn,
        };
    }
}
