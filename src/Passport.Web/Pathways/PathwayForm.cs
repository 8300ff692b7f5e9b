using System.Globalization;
using Passport.Domain.Validation;
using Passport.Domain.Pathways;
using Passport.Domain.Skills;
using Passport.Grains.Pathways;
using Passport.Web.Shell;

namespace Passport.Web.Pathways;

/// <summary>
/// The page's pathway form as posted: numbers as typed, module rows (blank rows are ignored, so a few spare ones can
/// be shown without JavaScript) and one row per skill of the framework with an entry level and an expected gain,
/// both optional. It becomes the same <see cref="PathwayRequest"/> the API reads, so both refuse the same things.
/// </summary>
public sealed class PathwayForm
{
    /// <summary>Empty module rows shown below the filled ones.</summary>
    public const int SpareModules = 2;

    public string? Title { get; set; }

    /// <summary>The language the title and modules are written in: the pathway's, or the page's for a new one.</summary>
    public string? Language { get; set; }

    /// <summary>The title in other languages, optional.</summary>
    public TranslationsForm Titles { get; set; } = new();

    public List<ModuleRow> Modules { get; set; } = [];

    /// <summary>The place's name as typed; the coordinates come from the place picked (<see cref="PlacePicker"/>).</summary>
    public string? Place { get; set; }

    /// <summary>The place chosen from the list of matches shown after a name that is not in the catalogue.</summary>
    public string? PlaceId { get; set; }

    public string? Capacity { get; set; }

    /// <summary>yyyy-MM-dd, as a date field sends it; empty when students can start any time.</summary>
    public string? StartsOn { get; set; }

    /// <summary>yyyy-MM-dd; empty when the end is not fixed.</summary>
    public string? EndsOn { get; set; }

    public List<SkillRow> Skills { get; set; } = [];

    public sealed class ModuleRow
    {
        public string? Title { get; set; }

        public string? Weeks { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Weeks);
    }

    public sealed class SkillRow
    {
        public string? SkillId { get; set; }

        /// <summary>Empty for no entry requirement; otherwise a level 1 to 5.</summary>
        public string? EntryLevel { get; set; }

        /// <summary>Empty when the pathway does not grow this skill; otherwise 0.5 to 2 levels.</summary>
        public string? Gain { get; set; }
    }

    public static string ModuleInputId(int row, string part) => $"module-{row}-{part}";

    public static string SkillInputId(string skillId, string part) => $"skill-{skillId}-{part}";

    /// <summary>The form filled with a stored pathway.</summary>
    public static PathwayForm From(PathwayContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var entry = content.EntryRequirements.ToDictionary(requirement => requirement.SkillId, requirement => requirement.MinimumLevel, StringComparer.Ordinal);
        var gains = content.Gains.ToDictionary(gain => gain.SkillId, gain => gain.ExpectedGain, StringComparer.Ordinal);
        return new PathwayForm
        {
            Title = content.Title,
            Language = content.Language,
            Titles = TranslationsForm.From(content.TitleTranslations),
            Modules = [.. content.Modules.Select(module => new ModuleRow { Title = module.Title, Weeks = FormNumbers.Show(module.Weeks) })],
            Place = content.Place,
            Capacity = FormNumbers.Show(content.Capacity),
            StartsOn = content.StartsOn?.ToString(DateFormat, CultureInfo.InvariantCulture),
            EndsOn = content.EndsOn?.ToString(DateFormat, CultureInfo.InvariantCulture),
            Skills = [.. content.EntryRequirements.Select(requirement => requirement.SkillId).Union(content.Gains.Select(gain => gain.SkillId))
                .Select(skillId => new SkillRow
                {
                    SkillId = skillId,
                    EntryLevel = entry.TryGetValue(skillId, out var level) ? FormNumbers.Show(level) : null,
                    Gain = gains.TryGetValue(skillId, out var gain) ? FormNumbers.Show(gain) : null,
                })],
        };
    }

    /// <summary>One row per skill of the framework, in its order, keeping what was posted; spare module rows at the end.</summary>
    public void Complete(SkillCatalog skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        var posted = Skills.Where(row => row.SkillId is not null).GroupBy(row => row.SkillId!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        Skills = [.. skills.All.Select(skill => posted.GetValueOrDefault(skill.Id) ?? new SkillRow { SkillId = skill.Id })];
        var filled = Modules.Count(module => !module.IsBlank);
        while (Modules.Count < Math.Min(filled + SpareModules, Pathway.MaxModules))
        {
            Modules.Add(new ModuleRow());
        }
    }

    /// <summary>The date fields that were filled but are not a date; the API's JSON cannot carry such a value at all.</summary>
    public ValidationErrors UnreadableDates()
    {
        var errors = new ValidationErrors();
        foreach (var (field, text) in new[] { ("startsOn", StartsOn), ("endsOn", EndsOn) })
        {
            if (!string.IsNullOrWhiteSpace(text) && DateOrNull(text) is null)
            {
                errors.Add(field, "Pathway.Date.Unreadable");
            }
        }

        return errors;
    }

    /// <summary>
    /// The same request the API reads, with the location of <paramref name="place"/> (without one, the location has no
    /// point and the rules refuse it); blank module rows and skill rows without a value are left out. The form has no
    /// inputs for module translations (the API has): a module whose title is unchanged keeps those of
    /// <paramref name="before"/>.
    /// </summary>
    public PathwayRequest ToRequest(PickedPlace? place, PathwayContent? before = null) => new(
        Title,
        [.. FilledModules.Select(row => (PathwayRequest.ModuleRequest?)new PathwayRequest.ModuleRequest(
            row.Module.Title, FormNumbers.WholeOrNull(row.Module.Weeks), TranslationsForm.Kept<PathwayModuleSnapshot>(before?.Modules, row.Module.Title, module => module.Title, module => module.TitleTranslations)))],
        new PathwayRequest.LocationRequest(place?.Latitude, place?.Longitude, place?.Name ?? Place),
        FormNumbers.WholeOrNull(Capacity),
        [.. EntryRows.Select(row => (PathwayRequest.RequirementRequest?)new PathwayRequest.RequirementRequest(row.SkillId, FormNumbers.WholeOrNull(row.EntryLevel)))],
        [.. GainRows.Select(row => (PathwayRequest.GainRequest?)new PathwayRequest.GainRequest(row.SkillId, FormNumbers.DecimalOrNull(row.Gain)))],
        Language,
        Titles.Given(Language ?? Passport.Domain.Accounts.Languages.Default))
    {
        StartsOn = DateOrNull(StartsOn),
        EndsOn = DateOrNull(EndsOn),
    };

    private const string DateFormat = "yyyy-MM-dd";

    private static DateOnly? DateOrNull(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The described errors under the ids of this form's inputs.</summary>
    public Dictionary<string, string[]> ErrorsByInput(IReadOnlyDictionary<string, string[]> described)
    {
        var modules = FilledModules.ToList();
        var entry = EntryRows.ToList();
        var gains = GainRows.ToList();
        return FieldPaths.Regroup(described, path => FieldPaths.LocationId(path) ?? FieldPaths.TranslationId(path) ?? FieldPaths.Parse(path) switch
        {
            ("modules", { } index, { } member) when index < modules.Count => ModuleInputId(modules[index].Row, member),
            ("modules", _, _) => "modules",
            ("entryRequirements", { } index, _) when index < entry.Count => SkillInputId(entry[index].SkillId!, "entry"),
            ("gains", { } index, _) when index < gains.Count => SkillInputId(gains[index].SkillId!, "gain"),
            ("entryRequirements" or "gains", _, _) => "skills",
            (var list, _, _) => list,
        });
    }

    private IEnumerable<(ModuleRow Module, int Row)> FilledModules =>
        Modules.Select((module, row) => (module, row)).Where(pair => !pair.module.IsBlank);

    private IEnumerable<SkillRow> EntryRows => Skills.Where(row => !string.IsNullOrWhiteSpace(row.EntryLevel));

    private IEnumerable<SkillRow> GainRows => Skills.Where(row => !string.IsNullOrWhiteSpace(row.Gain));
}
