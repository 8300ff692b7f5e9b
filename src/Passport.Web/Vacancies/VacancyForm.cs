using Passport.Domain.Skills;
using Passport.Domain.Vacancies;
using Passport.Web.Shell;

namespace Passport.Web.Vacancies;

/// <summary>
/// The page's vacancy form as posted: numbers as typed (so "abc" is reported rather than dropped), one row per skill
/// of the framework (a row without an importance is not asked for), and must-haves as lines of text. It becomes the
/// same <see cref="VacancyDraft"/> the API checks, so the page refuses exactly what the API refuses.
/// </summary>
public sealed class VacancyForm
{
    public string? Title { get; set; }

    /// <summary>The language the title and must-haves are written in: the page's when the form was shown.</summary>
    public string? Language { get; set; }

    /// <summary>The title in other languages, optional.</summary>
    public TranslationsForm Titles { get; set; } = new();

    public string? Sector { get; set; }

    /// <summary>The place's name as typed; the coordinates come from the place picked (<see cref="PlacePicker"/>).</summary>
    public string? Place { get; set; }

    /// <summary>The place chosen from the list of matches shown after a name that is not in the catalogue.</summary>
    public string? PlaceId { get; set; }

    public string? HoursPerWeek { get; set; }

    public List<SkillRow> Skills { get; set; } = [];

    /// <summary>One must-have per line: its name, then optionally its ESCO link after a space.</summary>
    public string? MustHaves { get; set; }

    public sealed class SkillRow
    {
        public string? SkillId { get; set; }

        /// <summary>Empty when the job does not ask for this skill; otherwise 0 to 3.</summary>
        public string? Importance { get; set; }

        public string? MinimumLevel { get; set; }
    }

    /// <summary>The form filled with a stored vacancy, for editing it.</summary>
    public static VacancyForm From(Vacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        return new VacancyForm
        {
            Title = vacancy.Title,
            Language = vacancy.Language,
            Titles = TranslationsForm.From(vacancy.TitleTranslations),
            Sector = vacancy.Sector,
            Place = vacancy.Location.Place,
            HoursPerWeek = FormNumbers.Show(vacancy.HoursPerWeek),
            Skills = [.. vacancy.Skills.Select(skill => new SkillRow
            {
                SkillId = skill.SkillId, Importance = FormNumbers.Show(skill.Importance), MinimumLevel = FormNumbers.Show(skill.MinimumLevel),
            })],
            MustHaves = string.Join('\n', vacancy.MustHaves.Select(mustHave => mustHave.EscoUri is { } uri ? $"{mustHave.Label} {uri}" : mustHave.Label)),
        };
    }

    /// <summary>The element id of a skill row's importance or minimum-level input.</summary>
    public static string SkillInputId(string skillId, string part) => $"skill-{skillId}-{part}";

    /// <summary>Makes sure there is one row per skill of the framework, in its order, keeping what was posted.</summary>
    public void Complete(SkillCatalog skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        var posted = Skills.Where(row => row.SkillId is not null).GroupBy(row => row.SkillId!, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        Skills = [.. skills.All.Select(skill => posted.GetValueOrDefault(skill.Id) ?? new SkillRow { SkillId = skill.Id })];
    }

    /// <summary>The rows the job asks for: those with an importance chosen.</summary>
    public IReadOnlyList<SkillRow> ChosenSkills => [.. Skills.Where(row => !string.IsNullOrWhiteSpace(row.Importance))];

    /// <summary>
    /// The draft with the location of <paramref name="place"/>; without one, the location has no point and the rules
    /// refuse it. The form has no inputs for must-have translations (the API has): a must-have whose label is unchanged
    /// keeps those of <paramref name="before"/>.
    /// </summary>
    public VacancyDraft ToDraft(PickedPlace? place, Vacancy? before = null) => new(
        Title,
        Sector,
        new VacancyLocationDraft(place?.Latitude, place?.Longitude, place?.Name ?? Place),
        FormNumbers.WholeOrNull(HoursPerWeek),
        [.. ChosenSkills.Select(row => (VacancySkillDraft?)new VacancySkillDraft(
            row.SkillId, FormNumbers.WholeOrNull(row.Importance), FormNumbers.WholeOrNull(row.MinimumLevel)))],
        [.. MustHaveLines().Select(line => (MustHaveDraft?)(line with { Labels = TranslationsForm.Kept(before?.MustHaves, line.Label, mustHave => mustHave.Label, mustHave => mustHave.LabelTranslations) }))])
    {
        Language = Language,
        Titles = Titles.Given(Language ?? Passport.Domain.Accounts.Languages.Default),
    };

    /// <summary>
    /// The described errors under the ids of this form's inputs: a skill's rule next to its row, a must-have's rule
    /// on the must-haves box with its line number (<paramref name="onLine"/> words "line n: message").
    /// </summary>
    public Dictionary<string, string[]> ErrorsByInput(IReadOnlyDictionary<string, string[]> described, Func<int, string, string> onLine)
    {
        ArgumentNullException.ThrowIfNull(described);
        ArgumentNullException.ThrowIfNull(onLine);
        var chosen = ChosenSkills;
        var worded = described.ToDictionary(
            pair => pair.Key,
            pair => FieldPaths.Parse(pair.Key) is ("mustHaves", { } line, _) ? [.. pair.Value.Select(message => onLine(line + 1, message))] : pair.Value,
            StringComparer.Ordinal);
        return FieldPaths.Regroup(worded, path => FieldPaths.LocationId(path) ?? FieldPaths.TranslationId(path) ?? FieldPaths.Parse(path) switch
        {
            ("skills", { } index, "importance") when index < chosen.Count => SkillInputId(chosen[index].SkillId!, "importance"),
            ("skills", { } index, "minimumLevel") when index < chosen.Count => SkillInputId(chosen[index].SkillId!, "level"),
            ("skills", _, _) => "skills",
            ("mustHaves", _, _) => "mustHaves",
            (var list, _, _) => list,
        });
    }

    private IEnumerable<MustHaveDraft> MustHaveLines()
    {
        foreach (var line in (MustHaves ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lastSpace = line.LastIndexOfAny([' ', '\t']);
            var last = lastSpace < 0 ? line : line[(lastSpace + 1)..];
            yield return last.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                ? new MustHaveDraft(lastSpace < 0 ? null : line[..lastSpace], last)
                : new MustHaveDraft(line, null);
        }
    }
}
