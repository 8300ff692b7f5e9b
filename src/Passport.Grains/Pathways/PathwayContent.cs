using System.Collections.Immutable;
using Passport.Domain.Accounts;
using Passport.Domain.Localization;
using Passport.Domain.Pathways;

namespace Passport.Grains.Pathways;

/// <summary>The editable content of a pathway that passed <see cref="Pathway.Validate"/>, as it crosses grain boundaries.</summary>
[GenerateSerializer, Immutable]
public sealed record PathwayContent(
    [property: Id(0)] string Title,
    [property: Id(1)] ImmutableArray<PathwayModuleSnapshot> Modules,
    [property: Id(2)] string Place,
    [property: Id(3)] double Latitude,
    [property: Id(4)] double Longitude,
    [property: Id(5)] int Capacity,
    [property: Id(6)] ImmutableArray<PathwayRequirementSnapshot> EntryRequirements,
    [property: Id(7)] ImmutableArray<PathwayGainSnapshot> Gains)
{
    /// <summary>The first day of teaching; null when students can start any time.</summary>
    [Id(20)]
    public DateOnly? StartsOn { get; init; }

    /// <summary>The last day; null when not fixed.</summary>
    [Id(21)]
    public DateOnly? EndsOn { get; init; }

    /// <summary>The duration in weeks: the sum of the modules (see <see cref="Pathway.DurationWeeks"/>).</summary>
    public int DurationWeeks => Modules.Sum(module => module.Weeks);

    /// <summary>The language the provider wrote in (see <see cref="Pathway.Language"/>).</summary>
    [Id(8)]
    public string Language { get; init; } = Languages.Default;

    /// <summary>The title in other product languages.</summary>
    [Id(9)]
    public ImmutableSortedDictionary<string, string> TitleTranslations { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The title for a reader of <paramref name="language"/>, or else in the provider's language.</summary>
    public string TitleIn(string language) => MultilingualText.Of(Language, Title, TitleTranslations).In(language);

    /// <summary>A module's title for a reader of <paramref name="language"/>, or else in the provider's language.</summary>
    public string ModuleTitleIn(PathwayModuleSnapshot module, string language)
    {
        ArgumentNullException.ThrowIfNull(module);
        return MultilingualText.Of(Language, module.Title, module.TitleTranslations).In(language);
    }

    public static PathwayContent From(Pathway pathway)
    {
        ArgumentNullException.ThrowIfNull(pathway);
        var location = pathway.Location ?? throw new ArgumentException("A valid pathway has a location.", nameof(pathway));
        return new(
            pathway.Title.Trim(),
            [.. pathway.Modules.Select(module => new PathwayModuleSnapshot(module.Title.Trim(), module.Weeks) { TitleTranslations = Sorted(module.TitleTranslations) })],
            location.Place.Trim(),
            location.Latitude,
            location.Longitude,
            pathway.Capacity,
            [.. pathway.EntryRequirements.Select(requirement => new PathwayRequirementSnapshot(requirement.SkillId, requirement.MinimumLevel))],
            [.. pathway.Gains.Select(gain => new PathwayGainSnapshot(gain.SkillId, gain.ExpectedGain))])
        {
            Language = pathway.Language,
            TitleTranslations = Sorted(pathway.TitleTranslations),
            StartsOn = pathway.StartsOn,
            EndsOn = pathway.EndsOn,
        };
    }

    /// <summary>The translations as given, trimmed and without blanks (a form's empty optional fields).</summary>
    public static ImmutableSortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> translations) =>
        translations.Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
            .ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Value.Trim(), StringComparer.Ordinal);
}
