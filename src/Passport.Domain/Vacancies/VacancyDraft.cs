using System.Globalization;
using Passport.Domain.Accounts;
using Passport.Domain.Experiences;
using Passport.Domain.Localization;
using Passport.Domain.Sectors;
using Passport.Domain.Skills;
using Passport.Domain.Validation;

namespace Passport.Domain.Vacancies;

/// <summary>A vacancy as sent to the API or read from demo content, before its rules are checked.</summary>
public sealed record VacancyDraft(
    string? Title,
    string? Sector,
    VacancyLocationDraft? Location,
    int? HoursPerWeek,
    IReadOnlyList<VacancySkillDraft?>? Skills,
    IReadOnlyList<MustHaveDraft?>? MustHaves)
{
    /// <summary>The language the title and labels are written in (en, nl, da or nb); English when not given.</summary>
    public string? Language { get; init; }

    /// <summary>The title in other product languages, by language code; optional.</summary>
    public IReadOnlyDictionary<string, string?>? Titles { get; init; }

    public const int MaxTitleLength = 120;
    public const int MaxPlaceLength = 120;
    public const int MaxLabelLength = 120;
    public const int MinHoursPerWeek = 1;
    public const int MaxHoursPerWeek = 48;
    public const int MaxSkills = 10;
    public const int MaxMustHaves = 10;
    public const int MinImportance = 0;
    public const int MaxImportance = 3;
    public const int MinLevel = 1;
    public const int MaxLevel = 5;

    /// <summary>Checks every rule and names each broken field once, so a form can show all of them together.</summary>
    public ValidationErrors Validate(SectorCatalog sectors, SkillCatalog skills)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        ArgumentNullException.ThrowIfNull(skills);
        var errors = new ValidationErrors();

        var title = Clean(Title);
        if (title is null)
        {
            errors.Add("title", "Vacancy.Title.Required");
        }
        else if (title.Length > MaxTitleLength)
        {
            errors.Add("title", "Vacancy.Title.TooLong", MaxTitleLength);
        }

        var sector = Clean(Sector);
        if (sector is null)
        {
            errors.Add("sector", "Vacancy.Sector.Required");
        }
        else if (!sectors.IsKnown(sector))
        {
            errors.Add("sector", "Vacancy.Sector.Unknown", sector);
        }

        MultilingualText.Check(errors, "language", Language, "titles", Titles, MaxTitleLength);
        ValidateLocation(errors);

        if (HoursPerWeek is not (>= MinHoursPerWeek and <= MaxHoursPerWeek))
        {
            errors.Add("hoursPerWeek", "Vacancy.HoursPerWeek.OutOfRange", MinHoursPerWeek, MaxHoursPerWeek);
        }

        ValidateSkills(errors, skills);
        ValidateMustHaves(errors);
        return errors;
    }

    /// <summary>The vacancy with texts trimmed and blank ESCO links as null; call only after <see cref="Validate"/> passed.</summary>
    public Vacancy ToVacancy()
    {
        if (Clean(Title) is not { } title || Clean(Sector) is not { } sector
            || Location is not { Latitude: { } latitude, Longitude: { } longitude } || Clean(Location.Place) is not { } place
            || HoursPerWeek is not { } hours || Skills is null)
        {
            throw new InvalidOperationException("Validate the draft before turning it into a vacancy.");
        }

        return new Vacancy(
            title,
            sector,
            new VacancyLocation(latitude, longitude, place),
            hours,
            [.. Skills.Select(skill => new VacancySkill(skill!.SkillId!.Trim(), skill.Importance!.Value, skill.MinimumLevel!.Value))],
            [.. (MustHaves ?? []).Select(mustHave => new MustHave(Clean(mustHave!.Label)!, Clean(mustHave.EscoUri)) { LabelTranslations = MultilingualText.Given(mustHave.Labels) })])
        {
            Language = Clean(Language) ?? Languages.Default,
            TitleTranslations = MultilingualText.Given(Titles),
        };
    }

    private void ValidateLocation(ValidationErrors errors)
    {
        if (Location is null)
        {
            errors.Add("location", "Vacancy.Location.Required");
            return;
        }

        if (Location.Latitude is not (>= -90 and <= 90))
        {
            errors.Add("location.latitude", "Vacancy.Latitude.OutOfRange", -90, 90);
        }

        if (Location.Longitude is not (>= -180 and <= 180))
        {
            errors.Add("location.longitude", "Vacancy.Longitude.OutOfRange", -180, 180);
        }

        var place = Clean(Location.Place);
        if (place is null)
        {
            errors.Add("location.place", "Vacancy.Place.Required");
        }
        else if (place.Length > MaxPlaceLength)
        {
            errors.Add("location.place", "Vacancy.Place.TooLong", MaxPlaceLength);
        }
    }

    private void ValidateSkills(ValidationErrors errors, SkillCatalog catalog)
    {
        if (Skills is not { Count: > 0 })
        {
            errors.Add("skills", "Vacancy.Skills.Required");
            return;
        }

        if (Skills.Count > MaxSkills)
        {
            errors.Add("skills", "Vacancy.Skills.TooMany", MaxSkills);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < Skills.Count; index++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"skills[{index}]");
            if (Skills[index] is not { } skill)
            {
                errors.Add(field, "Vacancy.Skill.Required");
                continue;
            }

            var skillId = Clean(skill.SkillId);
            if (skillId is null || !catalog.IsKnown(skillId))
            {
                errors.Add($"{field}.skillId", "Vacancy.Skill.Unknown", skillId ?? "");
            }
            else if (!seen.Add(skillId))
            {
                errors.Add($"{field}.skillId", "Vacancy.Skill.Duplicate", skillId);
            }

            if (skill.Importance is not (>= MinImportance and <= MaxImportance))
            {
                errors.Add($"{field}.importance", "Vacancy.Skill.Importance.OutOfRange", MinImportance, MaxImportance);
            }

            if (skill.MinimumLevel is not (>= MinLevel and <= MaxLevel))
            {
                errors.Add($"{field}.minimumLevel", "Vacancy.Skill.MinimumLevel.OutOfRange", MinLevel, MaxLevel);
            }
        }
    }

    private void ValidateMustHaves(ValidationErrors errors)
    {
        if (MustHaves is null)
        {
            return;
        }

        if (MustHaves.Count > MaxMustHaves)
        {
            errors.Add("mustHaves", "Vacancy.MustHaves.TooMany", MaxMustHaves);
        }

        for (var index = 0; index < MustHaves.Count; index++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"mustHaves[{index}]");
            var label = Clean(MustHaves[index]?.Label);
            if (label is null)
            {
                errors.Add($"{field}.label", "Vacancy.MustHave.Label.Required");
            }
            else if (label.Length > MaxLabelLength)
            {
                errors.Add($"{field}.label", "Vacancy.MustHave.Label.TooLong", MaxLabelLength);
            }

            MultilingualText.Check(errors, null, Language, $"{field}.labels", MustHaves[index]?.Labels, MaxLabelLength);
            if (Clean(MustHaves[index]?.EscoUri) is { } uri && !ExperienceDraft.IsEscoUri(uri))
            {
                errors.Add($"{field}.escoUri", "Vacancy.MustHave.EscoUri.NotEsco", uri);
            }
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The location part of a <see cref="VacancyDraft"/>.</summary>
public sealed record VacancyLocationDraft(double? Latitude, double? Longitude, string? Place);

/// <summary>One skill of a <see cref="VacancyDraft"/>.</summary>
public sealed record VacancySkillDraft(string? SkillId, int? Importance, int? MinimumLevel);

/// <summary>One must-have of a <see cref="VacancyDraft"/>.</summary>
public sealed record MustHaveDraft(string? Label, string? EscoUri)
{
    /// <summary>The label in other product languages, by language code; optional.</summary>
    public IReadOnlyDictionary<string, string?>? Labels { get; init; }
}
