using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Passport.Content.Skills;
using Passport.Content.Sprints;
using Passport.Content.Validation;
using Passport.Domain.Skills;
using Passport.Domain.Sprints;

namespace Passport.Content;

/// <summary>
/// Reads <c>skills/skills.json</c> and every <c>sprints/*.json</c> of a content folder, checks each against its
/// schema in <c>schema/</c> and then against the rules a schema cannot express (docs/content.md), and builds the
/// catalogues. Every problem is collected, so an author fixes a whole batch in one go; the catalogues are built
/// only when there is none.
/// </summary>
public static class ContentLoader
{
    public const string SkillsSchemaFile = "schema/skills.schema.json";
    public const string SprintSchemaFile = "schema/sprint.schema.json";
    public const string SprintsFolder = "sprints";

    public static ContentLoadResult Load(string contentPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentPath);
        var problems = new List<ContentProblem>();
        if (!Directory.Exists(contentPath))
        {
            problems.Add(new ContentProblem(contentPath, null, "the content folder does not exist"));
            return new ContentLoadResult(null, null, problems);
        }

        var skillsSchema = ContentSchema.Load(contentPath, SkillsSchemaFile, "skills", problems);
        var sprintSchema = ContentSchema.Load(contentPath, SprintSchemaFile, "items", problems);
        if (skillsSchema is null || sprintSchema is null)
        {
            // Without its schema no file can be checked, and an unchecked file is never loaded.
            return new ContentLoadResult(null, null, problems);
        }

        var (skills, knownSkills) = ReadSkills(contentPath, skillsSchema, problems);
        var sprints = ReadSprints(contentPath, sprintSchema, knownSkills, problems);
        DemoTextRules.Check(contentPath, problems);
        if (problems.Count > 0 || skills is null)
        {
            return new ContentLoadResult(null, null, problems);
        }

        return new ContentLoadResult(
            SkillMapper.ToCatalog(skills),
            new SprintCatalog(sprints.Select(sprint => SprintMapper.ToSprint(sprint.Sprint))),
            problems);
    }

    private static (SkillsDocument? Skills, IReadOnlySet<string>? Known) ReadSkills(
        string contentPath, ContentSchema schema, List<ContentProblem> problems)
    {
        var token = ContentFiles.Read(contentPath, ContentProblem.SkillsFile, problems);
        if (token is null)
        {
            return (null, null);
        }

        // The ids are taken even from a file that fails its schema, so sprints are still checked against them.
        var known = (token["skills"] as JArray ?? [])
            .Select(skill => skill is JObject { } entry && entry["id"] is JValue { Type: JTokenType.String } id ? (string?)id : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        if (!schema.Validate(token, ContentProblem.SkillsFile, problems))
        {
            return (null, known);
        }

        var document = Convert<SkillsDocument>(token, ContentProblem.SkillsFile, problems);
        if (document is not null)
        {
            SkillRules.Check(document, problems);
        }

        return (document, known);
    }

    private static List<(string File, SprintDocument Sprint)> ReadSprints(
        string contentPath, ContentSchema schema, IReadOnlySet<string>? knownSkills, List<ContentProblem> problems)
    {
        var folder = Path.Combine(contentPath, SprintsFolder);
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
        {
            problems.Add(new ContentProblem($"{SprintsFolder}/", null, "there are no sprint files"));
        }

        var sprints = new List<(string File, SprintDocument Sprint)>();
        foreach (var path in files)
        {
            var file = ContentFiles.RelativeName(contentPath, path);
            var token = ContentFiles.Read(contentPath, file, problems);
            if (token is null || !schema.Validate(token, file, problems))
            {
                continue;
            }

            var sprint = Convert<SprintDocument>(token, file, problems);
            if (sprint is not null)
            {
                SprintRules.Check(sprint, file, knownSkills, problems);
                sprints.Add((file, sprint));
            }
        }

        SprintRules.CheckUniqueItemIds(sprints, problems);
        return sprints;
    }

    /// <summary>Reads a tree that passed its schema into its document type.</summary>
    private static T? Convert<T>(JToken token, string file, List<ContentProblem> problems)
        where T : class
    {
        try
        {
            return token.ToObject<T>() ?? throw new JsonSerializationException("The file is empty.");
        }
        catch (JsonException ex)
        {
            // The schema should have caught this; saying so beats a stack trace for the author.
            problems.Add(new ContentProblem(file, null, $"the file passed its schema but cannot be read: {ex.Message}"));
            return null;
        }
    }
}
