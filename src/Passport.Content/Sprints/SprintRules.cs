using System.Globalization;
using Passport.Content.Validation;

namespace Passport.Content.Sprints;

/// <summary>The rules for one sprint file that its schema cannot express (see docs/content.md).</summary>
internal static class SprintRules
{
    public const string Choice = "choice";
    public const string Rank = "rank";
    public const string Scale = "scale";
    public const string Timed = "timed";

    /// <param name="knownSkills">The skill ids of <c>skills/skills.json</c>, or null when that file could not be read.</param>
    public static void Check(SprintDocument sprint, string file, IReadOnlySet<string>? knownSkills, List<ContentProblem> problems)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        if (sprint.Id != name)
        {
            problems.Add(new ContentProblem(file, null, $"the sprint id '{sprint.Id}' must equal the file name '{name}'"));
        }

        var sprintSkills = new HashSet<string>(sprint.Skills, StringComparer.Ordinal);
        foreach (var skill in sprint.Skills)
        {
            if (knownSkills is not null && !knownSkills.Contains(skill))
            {
                problems.Add(new ContentProblem(file, null, $"skill '{skill}' is not in {ContentProblem.SkillsFile}"));
            }

            if (!sprint.Items.Any(item => item.Skill == skill))
            {
                problems.Add(new ContentProblem(file, null, $"skill '{skill}' has no items"));
            }
        }

        if (sprint.MaxItems > sprint.Items.Count)
        {
            problems.Add(new ContentProblem(file, null, Invariant($"maxItems {sprint.MaxItems} is more than the {sprint.Items.Count} items")));
        }

        foreach (var item in sprint.Items)
        {
            CheckItem(item, file, sprintSkills, knownSkills, problems);
        }
    }

    /// <summary>Item ids are unique across all sprints, because a stored response names only its item.</summary>
    public static void CheckUniqueItemIds(IEnumerable<(string File, SprintDocument Sprint)> sprints, List<ContentProblem> problems)
    {
        var firstFile = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, sprint) in sprints)
        {
            foreach (var item in sprint.Items)
            {
                if (!firstFile.TryAdd(item.Id, file))
                {
                    var other = firstFile[item.Id];
                    problems.Add(new ContentProblem(file, item.Id, other == file
                        ? "the item id appears more than once in this sprint"
                        : $"the item id is also used in {other}"));
                }
            }
        }
    }

    private static void CheckItem(
        ItemDocument item, string file, HashSet<string> sprintSkills, IReadOnlySet<string>? knownSkills, List<ContentProblem> problems)
    {
        void Problem(string message) => problems.Add(new ContentProblem(file, item.Id, message));

        if (!sprintSkills.Contains(item.Skill))
        {
            // A skill the sprint lists but skills.json lacks is reported once for the sprint, not once per item.
            var unknown = knownSkills is not null && !knownSkills.Contains(item.Skill) ? $" and is not in {ContentProblem.SkillsFile}" : string.Empty;
            Problem($"skill '{item.Skill}' is not one of the sprint's skills ({string.Join(", ", sprintSkills)}){unknown}");
        }

        var options = item.Options ?? [];
        foreach (var duplicate in options.GroupBy(option => option.Id, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            Problem($"option id '{duplicate.Key}' appears more than once");
        }

        var irt = item.Irt;
        if (irt.Model == IrtDocument.TwoParameterLogistic && irt.B.Count != 1)
        {
            Problem(Invariant($"a 2pl model has exactly one b, not {irt.B.Count}"));
        }

        if (irt.Model == IrtDocument.GradedResponse && !StrictlyIncreasing(irt.B))
        {
            Problem($"grm thresholds must be strictly increasing, not {Numbers(irt.B)}");
        }

        var categories = irt.Categories;
        switch (item.Kind)
        {
            case Choice or Timed:
                CheckScores(options, categories, Problem);
                break;
            case Rank:
                CheckKey(options, item.Key ?? [], categories, Problem);
                break;
            case Scale when item.Scale is { } scale:
                CheckScale(scale, categories, Problem);
                break;
            default:
                break;
        }
    }

    private static void CheckScores(IReadOnlyList<OptionDocument> options, int categories, Action<string> problem)
    {
        var scores = options.Select(option => option.Score ?? 0).ToList();
        var used = scores.ToHashSet();
        var exact = scores.All(score => score >= 0 && score < categories) && used.Count == categories;
        if (!exact)
        {
            problem(Invariant(
                $"option scores must be 0…{categories - 1}, each used once at least (the model has {categories} categories; the scores are {string.Join(", ", scores)})"));
        }
    }

    private static void CheckKey(IReadOnlyList<OptionDocument> options, IReadOnlyList<string> key, int categories, Action<string> problem)
    {
        var ids = options.Select(option => option.Id).ToList();
        var permutation = key.Count == ids.Count
            && key.Distinct(StringComparer.Ordinal).Count() == key.Count
            && key.All(id => ids.Contains(id, StringComparer.Ordinal));
        if (!permutation)
        {
            problem($"key must list every option id exactly once (options {string.Join(", ", ids)}; key {string.Join(", ", key)})");
        }

        if (categories < 2)
        {
            problem(Invariant($"a rank item needs a model with at least 2 categories, not {categories}"));
        }

        if (options.Any(option => option.Score is not null))
        {
            problem("rank options carry no score; the key decides the score");
        }
    }

    private static void CheckScale(ScaleDocument scale, int categories, Action<string> problem)
    {
        if (scale.Min >= scale.Max)
        {
            problem(Invariant($"scale min {scale.Min} must be below max {scale.Max}"));
        }
        else if (scale.Max - scale.Min + 1 != categories)
        {
            problem(Invariant(
                $"the scale {scale.Min}–{scale.Max} has {scale.Max - scale.Min + 1} points, but the model has {categories} categories"));
        }
    }

    private static bool StrictlyIncreasing(IReadOnlyList<double> values)
    {
        for (var index = 1; index < values.Count; index++)
        {
            if (values[index] <= values[index - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static string Numbers(IEnumerable<double> values) =>
        string.Join(", ", values.Select(value => value.ToString(CultureInfo.InvariantCulture)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
