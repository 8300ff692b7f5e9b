using System.Collections.Immutable;
using Passport.Domain.Accounts;
using Passport.Domain.Localization;

namespace Passport.Domain.Vacancies;

/// <summary>A vacancy whose rules hold (made by <see cref="VacancyDraft.ToVacancy"/>): the job, where and how many hours, and what it asks.</summary>
public sealed record Vacancy(
    string Title,
    string Sector,
    VacancyLocation Location,
    int HoursPerWeek,
    IReadOnlyList<VacancySkill> Skills,
    IReadOnlyList<MustHave> MustHaves)
{
    /// <summary>The language the employer wrote the title and the must-haves in; the fallback for every reader.</summary>
    public string Language { get; init; } = Languages.Default;

    /// <summary>The title in other product languages, if the employer gave it.</summary>
    public IReadOnlyDictionary<string, string> TitleTranslations { get; init; } = ImmutableDictionary<string, string>.Empty;

    public MultilingualText TitleText => MultilingualText.Of(Language, Title, TitleTranslations);

    /// <summary>The title for a reader of <paramref name="language"/>, or else in the employer's language.</summary>
    public string TitleIn(string language) => TitleText.In(language);

    /// <summary>A must-have's label for a reader of <paramref name="language"/>, or else in the employer's language.</summary>
    public string LabelIn(MustHave mustHave, string language)
    {
        ArgumentNullException.ThrowIfNull(mustHave);
        return MultilingualText.Of(Language, mustHave.Label, mustHave.LabelTranslations).In(language);
    }
}

/// <summary>Where the work is: a point for travel distance and the place name people recognise.</summary>
public sealed record VacancyLocation(double Latitude, double Longitude, string Place);

/// <summary>
/// One soft skill of the vacancy's profile: how much it weighs (0 = nice to have … 3 = essential) and the level
/// (1–5, the skills framework's levels) the job asks for.
/// </summary>
public sealed record VacancySkill(string SkillId, int Importance, int MinimumLevel);

/// <summary>A certificate or hard skill the job cannot do without, optionally linked to its ESCO concept.</summary>
public sealed record MustHave(string Label, string? EscoUri)
{
    /// <summary>The label in other product languages, if the employer gave it.</summary>
    public IReadOnlyDictionary<string, string> LabelTranslations { get; init; } = ImmutableDictionary<string, string>.Empty;

    // By value, translations included, like the rest of the record.
    public bool Equals(MustHave? other) =>
        other is not null && Label == other.Label && EscoUri == other.EscoUri && MultilingualText.SameTranslations(LabelTranslations, other.LabelTranslations);

    public override int GetHashCode() => HashCode.Combine(Label, EscoUri, LabelTranslations.Count);
}
