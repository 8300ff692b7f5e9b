using System.Collections.Immutable;
using Passport.Domain.Accounts;
using Passport.Domain.Localization;
using Passport.Domain.Skills;
using Passport.Domain.Validation;

namespace Passport.Domain.Pathways;

/// <summary>
/// What an education partner offers: the editable content of a pathway. The provider (the partner's organisation),
/// the id and the status are kept beside it, because an edit may never move a pathway to another provider.
/// The duration is the sum of the modules' weeks, so it can never disagree with them. Without a start date the
/// pathway starts any time; an end date needs a start date.
/// </summary>
public sealed record Pathway(
    string Title,
    IReadOnlyList<PathwayModule> Modules,
    PathwayLocation? Location,
    int Capacity,
    IReadOnlyList<EntryRequirement> EntryRequirements,
    IReadOnlyList<SkillGain> Gains)
{
    public const int MaxTitleLength = 120;
    public const int MaxPlaceLength = 120;
    public const int MinModules = 1;
    public const int MaxModules = 20;
    public const int MinModuleWeeks = 1;
    public const int MaxModuleWeeks = 52;
    public const int MinCapacity = 1;
    public const int MaxCapacity = 500;
    public const int MaxEntryRequirements = 10;
    public const int MinLevel = 1;
    public const int MaxLevel = 5;
    public const int MinGains = 1;
    public const int MaxGains = 10;
    public const double MinGain = 0.5;
    public const double MaxGain = 2;
    public const double GainStep = 0.5;

    /// <summary>The first day of teaching; null when students can start any time.</summary>
    public DateOnly? StartsOn { get; init; }

    /// <summary>The last day; null when it is not fixed (then the duration says how long it takes).</summary>
    public DateOnly? EndsOn { get; init; }

    public int DurationWeeks => Modules.Sum(module => module.Weeks);

    /// <summary>The language the provider wrote the title and the modules in; the fallback for every reader.</summary>
    public string Language { get; init; } = Languages.Default;

    /// <summary>The title in other product languages, if the provider gave it.</summary>
    public IReadOnlyDictionary<string, string> TitleTranslations { get; init; } = ImmutableDictionary<string, string>.Empty;

    public ValidationErrors Validate(SkillCatalog skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        var errors = new ValidationErrors();
        CheckText(errors, "title", Title, "Pathway.Title", MaxTitleLength);
        MultilingualText.Check(errors, "language", Language, "titles", Typed(TitleTranslations), MaxTitleLength);
        CheckModules(errors);
        CheckLocation(errors);

        if (Capacity is < MinCapacity or > MaxCapacity)
        {
            errors.Add("capacity", "Pathway.Capacity.OutOfRange", MinCapacity, MaxCapacity);
        }

        CheckEntryRequirements(errors, skills);
        CheckGains(errors, skills);
        CheckDates(errors);
        return errors;
    }

    private void CheckDates(ValidationErrors errors)
    {
        if (EndsOn is null)
        {
            return;
        }

        if (StartsOn is null)
        {
            errors.Add("startsOn", "Pathway.StartsOn.RequiredWithEnd");
        }
        else if (EndsOn < StartsOn)
        {
            errors.Add("endsOn", "Pathway.EndsOn.BeforeStart");
        }
    }

    private void CheckModules(ValidationErrors errors)
    {
        if (Modules is null || Modules.Count is < MinModules or > MaxModules)
        {
            errors.Add("modules", "Pathway.Modules.Count", MinModules, MaxModules);
            return;
        }

        for (var index = 0; index < Modules.Count; index++)
        {
            var module = Modules[index];
            if (module is null)
            {
                errors.Add($"modules[{index}].title", "Pathway.Module.Title.Required");
                continue;
            }

            CheckText(errors, $"modules[{index}].title", module.Title, "Pathway.Module.Title", MaxTitleLength);
            MultilingualText.Check(errors, null, Language, $"modules[{index}].titles", Typed(module.TitleTranslations), MaxTitleLength);
            if (module.Weeks is < MinModuleWeeks or > MaxModuleWeeks)
            {
                errors.Add($"modules[{index}].weeks", "Pathway.Module.Weeks.OutOfRange", MinModuleWeeks, MaxModuleWeeks);
            }
        }
    }

    private void CheckLocation(ValidationErrors errors)
    {
        if (Location is null)
        {
            errors.Add("location", "Pathway.Location.Required");
            return;
        }

        // Written as "not inside" so NaN, which compares false with everything, is refused too.
        if (!(Location.Latitude is >= -90 and <= 90))
        {
            errors.Add("location.latitude", "Pathway.Latitude.OutOfRange", -90, 90);
        }

        if (!(Location.Longitude is >= -180 and <= 180))
        {
            errors.Add("location.longitude", "Pathway.Longitude.OutOfRange", -180, 180);
        }

        CheckText(errors, "location.place", Location.Place, "Pathway.Place", MaxPlaceLength);
    }

    private void CheckEntryRequirements(ValidationErrors errors, SkillCatalog skills)
    {
        if (EntryRequirements is null)
        {
            return;
        }

        if (EntryRequirements.Count > MaxEntryRequirements)
        {
            errors.Add("entryRequirements", "Pathway.EntryRequirements.TooMany", MaxEntryRequirements);
            return;
        }

        for (var index = 0; index < EntryRequirements.Count; index++)
        {
            var requirement = EntryRequirements[index];
            if (requirement is null || !skills.IsKnown(requirement.SkillId))
            {
                errors.Add($"entryRequirements[{index}].skillId", "Pathway.Skill.Unknown", requirement?.SkillId ?? "");
                continue;
            }

            if (requirement.MinimumLevel is < MinLevel or > MaxLevel)
            {
                errors.Add($"entryRequirements[{index}].minimumLevel", "Pathway.MinimumLevel.OutOfRange", MinLevel, MaxLevel);
            }
        }

        if (HasDuplicates(EntryRequirements.Select(requirement => requirement?.SkillId)))
        {
            errors.Add("entryRequirements", "Pathway.EntryRequirements.Duplicate");
        }
    }

    private void CheckGains(ValidationErrors errors, SkillCatalog skills)
    {
        if (Gains is null || Gains.Count is < MinGains or > MaxGains)
        {
            errors.Add("gains", "Pathway.Gains.Count", MinGains, MaxGains);
            return;
        }

        for (var index = 0; index < Gains.Count; index++)
        {
            var gain = Gains[index];
            if (gain is null || !skills.IsKnown(gain.SkillId))
            {
                errors.Add($"gains[{index}].skillId", "Pathway.Skill.Unknown", gain?.SkillId ?? "");
                continue;
            }

            if (!IsGainStep(gain.ExpectedGain))
            {
                errors.Add($"gains[{index}].expectedGain", "Pathway.Gain.OutOfRange", MinGain, MaxGain, GainStep);
            }
        }

        if (HasDuplicates(Gains.Select(gain => gain?.SkillId)))
        {
            errors.Add("gains", "Pathway.Gains.Duplicate");
        }
    }

    /// <summary>0.5, 1, 1.5 or 2: halves are exact in binary, so the comparison needs no tolerance.</summary>
    public static bool IsGainStep(double gain) =>
        gain is >= MinGain and <= MaxGain && gain / GainStep == Math.Floor(gain / GainStep);

    private static void CheckText(ValidationErrors errors, string field, string? text, string code, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"{code}.Required");
        }
        else if (text.Trim().Length > maxLength)
        {
            errors.Add(field, $"{code}.TooLong", maxLength);
        }
    }

    private static Dictionary<string, string?>? Typed(IReadOnlyDictionary<string, string>? translations) =>
        translations?.ToDictionary(pair => pair.Key, string? (pair) => pair.Value, StringComparer.Ordinal);

    private static bool HasDuplicates(IEnumerable<string?> skillIds)
    {
        var known = skillIds.OfType<string>().ToList();
        return known.Distinct(StringComparer.Ordinal).Count() != known.Count;
    }
}
