using Newtonsoft.Json.Linq;
using Passport.Domain.Accounts;

namespace Passport.Content.Validation;

/// <summary>
/// The demo vacancies and pathways speak every product language: each title, must-have label and module title in
/// its author's <c>language</c> (English when not given) has a translation in each other product language, and
/// names only product languages (docs/content.md). The demo files are optional: a content folder without them has
/// nothing to check here. Their other rules are the API's, checked when a host seeds them.
/// </summary>
internal static class DemoTextRules
{
    public const string VacanciesFile = "demo/vacancies.json";
    public const string PathwaysFile = "demo/pathways.json";

    public static void Check(string contentPath, List<ContentProblem> problems)
    {
        CheckFile(contentPath, VacanciesFile, "vacancies", "mustHaves", "label", "labels", problems);
        CheckFile(contentPath, PathwaysFile, "pathways", "modules", "title", "titles", problems);
    }

    private static void CheckFile(
        string contentPath, string file, string listName, string childList, string childText, string childTranslations, List<ContentProblem> problems)
    {
        if (!File.Exists(ContentFiles.PathOf(contentPath, file)) || ContentFiles.Read(contentPath, file, problems) is not { } token)
        {
            return;
        }

        foreach (var entry in (token[listName] as JArray ?? []).OfType<JObject>())
        {
            var id = (string?)entry["id"];
            var language = entry["language"] is JValue { Type: JTokenType.String } given ? (string)given! : Languages.Default;
            if (!Languages.IsSupported(language))
            {
                problems.Add(new ContentProblem(file, id, $"\"language\" {language} is not a product language ({string.Join(", ", Languages.All)})"));
                continue;
            }

            CheckTexts(file, id, "title", entry["titles"], language, problems);
            var children = entry[childList] as JArray ?? [];
            for (var index = 0; index < children.Count; index++)
            {
                if (children[index] is JObject child)
                {
                    CheckTexts(file, id, $"{childList}[{index}].{childText}", child[childTranslations], language, problems);
                }
            }
        }
    }

    private static void CheckTexts(string file, string? id, string field, JToken? translations, string language, List<ContentProblem> problems)
    {
        var given = translations as JObject ?? [];
        foreach (var property in given.Properties().Where(property => !Languages.IsSupported(property.Name) || property.Name == language))
        {
            problems.Add(new ContentProblem(file, id, $"{field} has a translation in \"{property.Name}\", which is not another product language"));
        }

        var missing = Languages.All
            .Where(other => other != language && !(given[other] is JValue { Type: JTokenType.String } text && !string.IsNullOrWhiteSpace((string?)text)))
            .ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ContentProblem(file, id, $"{field} lacks a translation in {string.Join(", ", missing)}"));
        }
    }
}
