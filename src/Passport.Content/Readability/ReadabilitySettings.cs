using System.Globalization;
using Newtonsoft.Json.Linq;
using Passport.Content.Validation;
using Passport.Domain.Accounts;

namespace Passport.Content.Readability;

/// <summary>The threshold of one language: texts must score at least (Flesch) or at most (LIX) this.</summary>
public sealed record ReadabilityThreshold(ReadabilityMeasure Measure, double Value)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Measure.Name} {(Measure.HigherIsEasier ? "≥" : "≤")} {Value:0.#}");
}

/// <summary>
/// <c>content/readability.json</c>: the thresholds per language, the fewest words a text needs to be scored, and the
/// message templates (resx) to score besides content/ (docs/content.md, "Readability").
/// </summary>
public sealed record ReadabilitySettings(
    int MinimumWords, IReadOnlyDictionary<string, ReadabilityThreshold> Thresholds, IReadOnlyList<string> MessageTemplates)
{
    public const string File = "readability.json";

    private static readonly string[] Fields = ["$schema", "$comment", "minimumWords", "languages", "messageTemplates"];

    /// <summary>Reads and checks the settings; null, with the problems added, when they are missing or wrong.</summary>
    internal static ReadabilitySettings? Read(string contentPath, List<ContentProblem> problems)
    {
        if (ContentFiles.Read(contentPath, File, problems) is not { } token)
        {
            return null;
        }

        var before = problems.Count;
        if (token is not JObject settings)
        {
            problems.Add(new ContentProblem(File, null, "must be an object"));
            return null;
        }

        foreach (var unknown in settings.Properties().Where(property => !Fields.Contains(property.Name, StringComparer.Ordinal)))
        {
            problems.Add(new ContentProblem(File, null, $"{unknown.Name}: is not a field of this object"));
        }

        var minimumWords = settings["minimumWords"] is JValue { Type: JTokenType.Integer } words ? (int)words : 0;
        if (minimumWords is < 1 or > 100)
        {
            problems.Add(new ContentProblem(File, null, "minimumWords: must be a whole number from 1 to 100"));
        }

        var thresholds = ReadThresholds(settings["languages"], problems);
        var templates = new List<string>();
        if (settings["messageTemplates"] is not JArray paths || paths.Any(path => path is not JValue { Type: JTokenType.String }))
        {
            problems.Add(new ContentProblem(File, null, "messageTemplates: must be an array of paths (relative to the content folder) of .resx files"));
        }
        else
        {
            foreach (var path in paths.Select(path => (string)path!))
            {
                if (!path.EndsWith(".resx", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add(new ContentProblem(File, null, $"messageTemplates: '{path}' is not a .resx file"));
                }

                templates.Add(path);
            }
        }

        return problems.Count == before ? new ReadabilitySettings(minimumWords, thresholds, templates) : null;
    }

    private static Dictionary<string, ReadabilityThreshold> ReadThresholds(JToken? token, List<ContentProblem> problems)
    {
        var thresholds = new Dictionary<string, ReadabilityThreshold>(StringComparer.Ordinal);
        var languages = token as JObject ?? [];
        if (token is not JObject)
        {
            problems.Add(new ContentProblem(File, null, "languages: must be an object with a threshold per product language"));
        }

        foreach (var property in languages.Properties().Where(property => !Languages.IsSupported(property.Name)))
        {
            problems.Add(new ContentProblem(File, null, $"languages.{property.Name}: is not a product language ({string.Join(", ", Languages.All)})"));
        }

        foreach (var language in Languages.All)
        {
            var measure = ReadabilityMeasure.For(language)!;
            var field = $"languages.{language}";
            if (languages[language] is not JObject entry)
            {
                if (token is JObject)
                {
                    problems.Add(new ContentProblem(File, null, $"{field}: is missing"));
                }

                continue;
            }

            var bound = measure.HigherIsEasier ? "minimum" : "maximum";
            var wrong = entry.Properties().Select(property => property.Name).Where(name => name != "measure" && name != bound);
            foreach (var name in wrong)
            {
                problems.Add(new ContentProblem(File, null, $"{field}.{name}: is not a field here ({measure.Id} takes a {bound})"));
            }

            if ((string?)entry["measure"] != measure.Id)
            {
                problems.Add(new ContentProblem(File, null, $"{field}.measure: must be \"{measure.Id}\", the measure texts in {language} are scored with"));
            }

            if (entry[bound] is JValue { Type: JTokenType.Integer or JTokenType.Float } value)
            {
                thresholds[language] = new ReadabilityThreshold(measure, (double)value);
            }
            else
            {
                problems.Add(new ContentProblem(File, null, $"{field}.{bound}: must be a number"));
            }
        }

        return thresholds;
    }
}
