using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Passport.Content.Tests;

/// <summary>
/// A small, valid content folder in a temporary directory, with the repository's real schemas. Tests change the
/// JSON before <see cref="Write"/> to make one thing wrong, so each broken variant differs from valid content in
/// exactly that thing.
/// </summary>
public sealed class ContentFixture : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public ContentFixture()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"passport-content-{Guid.NewGuid():N}");
        var schema = Directory.CreateDirectory(System.IO.Path.Combine(Path, "schema"));
        foreach (var file in Directory.GetFiles(Repository.SchemaPath, "*.json"))
        {
            File.Copy(file, System.IO.Path.Combine(schema.FullName, System.IO.Path.GetFileName(file)));
        }

        Skills = new JsonObject { ["skills"] = new JsonArray(Skill("alpha"), Skill("beta")) };
        Sprints = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            ["pair"] = Pair(),
            ["solo"] = Solo(),
        };

        // The repository's thresholds, without its message templates (they live outside content/).
        Readability = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Repository.ContentPath, "readability.json")))!.AsObject();
        Readability["messageTemplates"] = new JsonArray();
    }

    public string Path { get; }

    /// <summary><c>skills/skills.json</c>.</summary>
    public JsonObject Skills { get; }

    /// <summary><c>sprints/&lt;key&gt;.json</c>.</summary>
    public IDictionary<string, JsonObject> Sprints { get; }

    /// <summary><c>readability.json</c>: the repository's thresholds and no message templates.</summary>
    public JsonObject Readability { get; }

    /// <summary>An item of a sprint, to change before <see cref="Write"/>.</summary>
    public JsonObject Item(string sprint, string id) =>
        Sprints[sprint]["items"]!.AsArray().Select(item => item!.AsObject()).Single(item => (string?)item["id"] == id);

    /// <summary>Writes the files and returns the content folder.</summary>
    public string Write()
    {
        var skills = Directory.CreateDirectory(System.IO.Path.Combine(Path, "skills"));
        File.WriteAllText(System.IO.Path.Combine(skills.FullName, "skills.json"), Skills.ToJsonString(Indented));
        var sprints = Directory.CreateDirectory(System.IO.Path.Combine(Path, "sprints"));
        foreach (var (name, sprint) in Sprints)
        {
            File.WriteAllText(System.IO.Path.Combine(sprints.FullName, $"{name}.json"), sprint.ToJsonString(Indented));
        }

        File.WriteAllText(System.IO.Path.Combine(Path, "readability.json"), Readability.ToJsonString(Indented));
        return Path;
    }

    /// <summary>Writes the files, then replaces one with <paramref name="text"/> as it stands.</summary>
    public string WriteWithRawFile(string relativeFile, string text)
    {
        Write();
        File.WriteAllText(System.IO.Path.Combine(Path, relativeFile), text);
        return Path;
    }

    /// <summary>Writes a resx file (relative to the content folder) holding <paramref name="texts"/> by key.</summary>
    public void WriteResx(string relativeFile, IReadOnlyDictionary<string, string> texts)
    {
        var root = new XElement("root", texts.Select(text => new XElement(
            "data", new XAttribute("name", text.Key), new XAttribute(XNamespace.Xml + "space", "preserve"), new XElement("value", text.Value))));
        var path = System.IO.Path.Combine(Path, relativeFile);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        new XDocument(root).Save(path);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    public static JsonObject Text(string text) => new()
    {
        ["en"] = text,
        ["nl"] = $"{text} (nl)",
        ["da"] = $"{text} (da)",
        ["nb"] = $"{text} (nb)",
    };

    public static JsonArray Numbers(params double[] values) => [.. values.Select(value => (JsonNode)value)];

    private static JsonObject Skill(string id) => new()
    {
        ["id"] = id,
        ["esco"] = $"http://data.europa.eu/esco/skill/{id}",
        ["name"] = Text(id),
        ["description"] = Text($"What someone with {id} does."),
        ["levels"] = new JsonArray([.. Enumerable.Range(1, 5).Select(level => (JsonNode)Text($"{id} level {level}"))]),
        ["feedback"] = new JsonArray([.. Enumerable.Range(1, 5).Select(level => (JsonNode)new JsonObject
        {
            ["strength"] = Text($"{id} strength {level}"),
            ["tip"] = Text($"{id} tip {level}"),
        })]),
    };

    private static JsonObject Pair() => Sprint("pair", ["alpha", "beta"], maxItems: 4,
        new JsonObject
        {
            ["id"] = "pair-choice",
            ["skill"] = "alpha",
            ["kind"] = "choice",
            ["prompt"] = Text("What do you do?"),
            ["irt"] = Irt("grm", 1.4, -1.2, 0.1, 1.1),
            ["options"] = new JsonArray(Option("a", 3), Option("b", 1), Option("c", 0), Option("d", 2)),
        },
        new JsonObject
        {
            ["id"] = "pair-timed",
            ["skill"] = "beta",
            ["kind"] = "timed",
            ["timeLimitMs"] = 15000,
            ["prompt"] = Text("Quick!"),
            ["irt"] = Irt("2pl", 1.1, 0.4),
            ["options"] = new JsonArray(Option("a", 1), Option("b", 0), Option("c", 0)),
        },
        new JsonObject
        {
            ["id"] = "pair-rank",
            ["skill"] = "alpha",
            ["kind"] = "rank",
            ["prompt"] = Text("Put these in order."),
            ["irt"] = Irt("grm", 1.0, -1.0, 0.0, 1.0),
            ["options"] = new JsonArray(Option("a", null), Option("b", null), Option("c", null), Option("d", null)),
            ["key"] = new JsonArray("c", "a", "d", "b"),
        },
        new JsonObject
        {
            ["id"] = "pair-scale",
            ["skill"] = "beta",
            ["kind"] = "scale",
            ["prompt"] = Text("How often do you…?"),
            ["irt"] = Irt("grm", 0.9, -2.0, -0.9, 0.2, 1.3),
            ["scale"] = new JsonObject { ["min"] = 1, ["max"] = 5, ["low"] = Text("Never"), ["high"] = Text("Always") },
            ["reversed"] = true,
        });

    private static JsonObject Solo() => Sprint("solo", ["alpha"], maxItems: 3,
        [.. Enumerable.Range(1, 3).Select(number => new JsonObject
        {
            ["id"] = $"solo-{number}",
            ["skill"] = "alpha",
            ["kind"] = "choice",
            ["prompt"] = Text($"Question {number}"),
            ["irt"] = Irt("2pl", 1.2, -1.0 + number * 0.5),
            ["options"] = new JsonArray(Option("a", 1), Option("b", 0)),
        })]);

    private static JsonObject Sprint(string id, string[] skills, int maxItems, params JsonObject[] items) => new()
    {
        ["$schema"] = "../schema/sprint.schema.json",
        ["id"] = id,
        ["title"] = Text(id),
        ["description"] = Text($"The {id} sprint."),
        ["skills"] = new JsonArray([.. skills.Select(skill => (JsonNode)skill)]),
        ["estimatedMinutes"] = 4,
        ["maxItems"] = maxItems,
        ["targetStandardError"] = 0.5,
        ["items"] = new JsonArray([.. items]),
    };

    private static JsonObject Irt(string model, double a, params double[] b) => new()
    {
        ["model"] = model,
        ["a"] = a,
        ["b"] = Numbers(b),
    };

    private static JsonObject Option(string id, int? score)
    {
        var option = new JsonObject { ["id"] = id, ["text"] = Text($"Option {id}") };
        if (score is { } value)
        {
            option["score"] = value;
        }

        return option;
    }
}
