using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Passport.Content.Validation;

/// <summary>Reads content files as JSON trees, turning a missing, unreadable or malformed file into one problem.</summary>
internal static partial class ContentFiles
{
    // Duplicate keys are an error: with the default the last one silently wins, and an author would never know
    // which translation or score the product uses.
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        CommentHandling = CommentHandling.Ignore,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        LineInfoHandling = LineInfoHandling.Load,
    };

    /// <summary>The path of <paramref name="relativeFile"/> (forward slashes) under the content folder.</summary>
    public static string PathOf(string contentPath, string relativeFile) =>
        Path.Combine([contentPath, .. relativeFile.Split('/')]);

    /// <summary>The file relative to the content folder, with forward slashes, as problems name it.</summary>
    public static string RelativeName(string contentPath, string fullPath) =>
        Path.GetRelativePath(contentPath, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    public static JToken? Read(string contentPath, string relativeFile, List<ContentProblem> problems)
    {
        var path = PathOf(contentPath, relativeFile);
        if (!File.Exists(path))
        {
            problems.Add(new ContentProblem(relativeFile, null, "the file is missing"));
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ContentProblem(relativeFile, null, $"the file cannot be read: {ex.Message}"));
            return null;
        }

        try
        {
            return Parse(text);
        }
        catch (JsonReaderException ex)
        {
            problems.Add(new ContentProblem(
                relativeFile, null, $"malformed JSON at line {ex.LineNumber}, position {ex.LinePosition}: {WithoutLocation(ex.Message)}"));
            return null;
        }
    }

    private static JToken Parse(string text)
    {
        // Texts stay exactly as written: by default Json.NET turns anything that looks like a date into a date.
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        var token = JToken.ReadFrom(reader, LoadSettings);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException(
                    "Additional text found after the end of the JSON content.", reader.Path, reader.LineNumber, reader.LinePosition, null);
            }
        }

        return token;
    }

    // Json.NET appends "Path 'x', line 3, position 7." to its messages; the line and position are already given.
    private static string WithoutLocation(string message) => LocationSuffix().Replace(message, string.Empty).Trim();

    [GeneratedRegex(@",? line \d+, position \d+\.?\s*$")]
    private static partial Regex LocationSuffix();
}
