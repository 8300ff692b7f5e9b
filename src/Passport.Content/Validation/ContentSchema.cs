using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Passport.Content.Validation;

/// <summary>
/// One of the JSON Schemas in <c>content/schema/</c>, and the translation of its validation errors into problems
/// that name the JSON path, the line and, inside an array of items or skills, the entry's id.
/// </summary>
internal sealed partial class ContentSchema
{
    private readonly JsonSchema _schema;
    private readonly string _entries;

    private ContentSchema(JsonSchema schema, string entries)
    {
        _schema = schema;
        _entries = entries;
    }

    /// <param name="entries">The top-level array whose entries problems are attributed to (<c>items</c>, <c>skills</c>).</param>
    public static ContentSchema? Load(string contentPath, string relativeFile, string entries, List<ContentProblem> problems)
    {
        var path = ContentFiles.PathOf(contentPath, relativeFile);
        if (!File.Exists(path))
        {
            problems.Add(new ContentProblem(relativeFile, null, "the schema is missing"));
            return null;
        }

        try
        {
            // Only local references (#/definitions/…), so reading it does no I/O and cannot block.
            var schema = JsonSchema.FromJsonAsync(File.ReadAllText(path), path).GetAwaiter().GetResult();
            return new ContentSchema(schema, entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            problems.Add(new ContentProblem(relativeFile, null, $"the schema cannot be read: {ex.Message}"));
            return null;
        }
    }

    /// <summary>Adds a problem for every schema error; true when there was none.</summary>
    public bool Validate(JToken document, string relativeFile, List<ContentProblem> problems)
    {
        var before = problems.Count;
        foreach (var error in _schema.Validate(document))
        {
            foreach (var (path, message, line) in Describe(error))
            {
                var where = line > 0 ? string.Create(CultureInfo.InvariantCulture, $" (line {line})") : string.Empty;
                problems.Add(new ContentProblem(relativeFile, EntryId(document, path), $"{Display(path)}: {message}{where}"));
            }
        }

        return problems.Count == before;
    }

    /// <summary>
    /// The leaves of an error tree. Array entries and allOf are mere wrappers; an anyOf in these schemas is a rule
    /// "[condition, requirement]" with a description, reported as that description plus what its last branch, the
    /// requirement, found missing.
    /// </summary>
    private static IEnumerable<(string Path, string Message, int Line)> Describe(ValidationError error)
    {
        if (error is ChildSchemaValidationError child)
        {
            if (error.Kind is ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf && error.Schema.Description is { } rule)
            {
                var details = child.Errors.Values.LastOrDefault()?.SelectMany(Describe)
                    .Select(leaf => leaf.Path == PathOf(error) ? leaf.Message : $"{Display(leaf.Path)}: {leaf.Message}")
                    .Distinct(StringComparer.Ordinal)
                    .ToList() ?? [];
                yield return (PathOf(error), details.Count == 0 ? rule : $"{rule} ({string.Join("; ", details)})", error.LineNumber);
                yield break;
            }

            foreach (var leaf in child.Errors.Values.SelectMany(errors => errors).SelectMany(Describe))
            {
                yield return leaf;
            }

            yield break;
        }

        if (error.Kind == ValidationErrorKind.ExcludedSchemaValidates && error.Schema.Description is null)
        {
            // A negated condition without a description says nothing an author could act on; the rule holding it does.
            yield break;
        }

        yield return (PathOf(error), Message(error), error.LineNumber);
    }

    private static string Message(ValidationError error)
    {
        var schema = error.Schema;
        var value = error.Token is JValue { Value: { } raw } ? Convert.ToString(raw, CultureInfo.InvariantCulture) : null;
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => "is missing",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => "is not a field of this object",
            ValidationErrorKind.StringTooShort => "must not be empty",
            ValidationErrorKind.PatternMismatch when schema.Pattern == @"\S" => "must not be blank",
            ValidationErrorKind.PatternMismatch => $"'{value}' does not match {schema.Pattern}",
            ValidationErrorKind.NotInEnumeration =>
                $"'{value}' is not one of {string.Join(", ", schema.Enumeration.Select(option => Convert.ToString(option, CultureInfo.InvariantCulture)))}",
            ValidationErrorKind.NumberTooSmall => $"{value} is below the minimum {Number(schema.Minimum ?? schema.ExclusiveMinimum)}",
            ValidationErrorKind.NumberTooBig => $"{value} is above the maximum {Number(schema.Maximum ?? schema.ExclusiveMaximum)}",
            ValidationErrorKind.TooFewItems or ValidationErrorKind.TooManyItems =>
                $"has {Count(error.Token)} entries; {Range(schema.MinItems, schema.MaxItems)} are allowed",
            ValidationErrorKind.ItemsNotUnique => "lists the same value more than once",
            ValidationErrorKind.StringExpected => "must be a string",
            ValidationErrorKind.IntegerExpected => "must be a whole number",
            ValidationErrorKind.NumberExpected => "must be a number",
            ValidationErrorKind.BooleanExpected => "must be true or false",
            ValidationErrorKind.ArrayExpected => "must be an array",
            ValidationErrorKind.ObjectExpected => "must be an object",
            ValidationErrorKind.ExcludedSchemaValidates => schema.Description ?? "has a form that is not allowed here",
            _ => schema.Description is { } description ? $"{error.Kind}: {description}" : error.Kind.ToString(),
        };
    }

    /// <summary>The id of the item or skill that <paramref name="path"/> lies in, when it has one.</summary>
    private string? EntryId(JToken document, string path)
    {
        var match = EntryIndex().Match(path);
        if (!match.Success || match.Groups["name"].Value != _entries)
        {
            return null;
        }

        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        return document[_entries] is JArray entries && index < entries.Count && entries[index] is JObject entry
            && entry["id"] is JValue { Type: JTokenType.String } id
            ? (string?)id
            : null;
    }

    private static string PathOf(ValidationError error) => (error.Path ?? string.Empty).TrimStart('#').TrimStart('/');

    private static string Display(string path) => path.Length == 0 ? "(file)" : path;

    private static int Count(JToken? token) => token is JArray array ? array.Count : 0;

    private static string Range(int minimum, int maximum) =>
        (minimum, maximum) switch
        {
            (> 0, > 0) when minimum == maximum => string.Create(CultureInfo.InvariantCulture, $"exactly {minimum}"),
            (> 0, > 0) => string.Create(CultureInfo.InvariantCulture, $"{minimum}–{maximum}"),
            (> 0, _) => string.Create(CultureInfo.InvariantCulture, $"at least {minimum}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"at most {maximum}"),
        };

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    [GeneratedRegex(@"^(?<name>[A-Za-z]+)\[(?<index>\d+)\]")]
    private static partial Regex EntryIndex();
}
