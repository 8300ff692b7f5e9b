using System.Collections.Immutable;
using Passport.Domain.Accounts;
using Passport.Domain.Localization;
using Passport.Domain.Vacancies;

namespace Passport.Grains.Vacancies;

/// <summary>What an employer writes in a vacancy: the job, where, how many hours and what it asks.</summary>
[GenerateSerializer, Immutable]
public sealed record VacancyDetails(
    [property: Id(0)] string Title,
    [property: Id(1)] string Sector,
    [property: Id(2)] double Latitude,
    [property: Id(3)] double Longitude,
    [property: Id(4)] string Place,
    [property: Id(5)] int HoursPerWeek,
    [property: Id(6)] ImmutableArray<VacancySkillDetails> Skills,
    [property: Id(7)] ImmutableArray<MustHaveDetails> MustHaves)
{
    /// <summary>The language the employer wrote in (see <see cref="Vacancy.Language"/>).</summary>
    [Id(8)]
    public string Language { get; init; } = Languages.Default;

    /// <summary>The title in other product languages.</summary>
    [Id(9)]
    public ImmutableSortedDictionary<string, string> TitleTranslations { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The title for a reader of <paramref name="language"/>, or else in the employer's language.</summary>
    public string TitleIn(string language) => MultilingualText.Of(Language, Title, TitleTranslations).In(language);

    /// <summary>A must-have's label for a reader of <paramref name="language"/>, or else in the employer's language.</summary>
    public string LabelIn(MustHaveDetails mustHave, string language)
    {
        ArgumentNullException.ThrowIfNull(mustHave);
        return MultilingualText.Of(Language, mustHave.Label, mustHave.LabelTranslations).In(language);
    }

    public static VacancyDetails From(Vacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        return new(
            vacancy.Title, vacancy.Sector, vacancy.Location.Latitude, vacancy.Location.Longitude, vacancy.Location.Place, vacancy.HoursPerWeek,
            [.. vacancy.Skills.Select(skill => new VacancySkillDetails(skill.SkillId, skill.Importance, skill.MinimumLevel))],
            [.. vacancy.MustHaves.Select(mustHave => new MustHaveDetails(mustHave.Label, mustHave.EscoUri) { LabelTranslations = Sorted(mustHave.LabelTranslations) })])
        {
            Language = vacancy.Language,
            TitleTranslations = Sorted(vacancy.TitleTranslations),
        };
    }

    public Vacancy ToVacancy() => new(
        Title, Sector, new VacancyLocation(Latitude, Longitude, Place), HoursPerWeek,
        [.. Skills.Select(skill => new VacancySkill(skill.SkillId, skill.Importance, skill.MinimumLevel))],
        [.. MustHaves.Select(mustHave => new MustHave(mustHave.Label, mustHave.EscoUri) { LabelTranslations = mustHave.LabelTranslations ?? ImmutableSortedDictionary<string, string>.Empty })])
    {
        Language = Language ?? Languages.Default,
        TitleTranslations = TitleTranslations ?? ImmutableSortedDictionary<string, string>.Empty,
    };

    private static ImmutableSortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> translations) =>
        translations.ToImmutableSortedDictionary(StringComparer.Ordinal);
}

/// <summary>One skill of the profile: importance 0–3 and the minimum level 1–5.</summary>
[GenerateSerializer, Immutable]
public sealed record VacancySkillDetails(
    [property: Id(0)] string SkillId,
    [property: Id(1)] int Importance,
    [property: Id(2)] int MinimumLevel);

/// <summary>A certificate or hard skill the job cannot do without.</summary>
[GenerateSerializer, Immutable]
public sealed record MustHaveDetails(
    [property: Id(0)] string Label,
    [property: Id(1)] string? EscoUri)
{
    /// <summary>The label in other product languages.</summary>
    [Id(2)]
    public ImmutableSortedDictionary<string, string> LabelTranslations { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    // By value, translations included, like the rest of the record.
    public bool Equals(MustHaveDetails? other) =>
        other is not null && Label == other.Label && EscoUri == other.EscoUri && MultilingualText.SameTranslations(LabelTranslations, other.LabelTranslations);

    public override int GetHashCode() => HashCode.Combine(Label, EscoUri, LabelTranslations?.Count);
}
