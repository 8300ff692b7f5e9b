using System.Globalization;
using System.Text.RegularExpressions;

namespace Passport.Web.Shell;

/// <summary>
/// The domain names broken fields by their API path (<c>location.latitude</c>, <c>skills[2].importance</c>); a form
/// shows each message next to its input, whose id may differ. These helpers move described errors to those ids.
/// </summary>
public static partial class FieldPaths
{
    /// <summary>The errors regrouped under the ids <paramref name="idOf"/> gives; messages that meet on one id keep their order.</summary>
    public static Dictionary<string, string[]> Regroup(IReadOnlyDictionary<string, string[]> errors, Func<string, string> idOf)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(idOf);
        return errors
            .GroupBy(pair => idOf(pair.Key), StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.SelectMany(pair => pair.Value).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Splits <c>skills[2].importance</c> into <c>("skills", 2, "importance")</c>; a plain path has no index and no member.</summary>
    public static (string List, int? Index, string? Member) Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var match = IndexedPath().Match(path);
        return match.Success
            ? (match.Groups["list"].Value, int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture),
                match.Groups["member"].Success ? match.Groups["member"].Value : null)
            : (path, null, null);
    }

    /// <summary>
    /// The id of the place picker (<c>place</c>) for a <c>location…</c> path, null otherwise: forms take the coordinates
    /// from the chosen place, so every rule of the location is about that one input.
    /// </summary>
    public static string? LocationId(string path) =>
        path == "location" || path.StartsWith("location.", StringComparison.Ordinal) ? "place" : null;

    /// <summary>The id of the input for a text's translation: <c>title-nl</c> for <paramref name="field"/> <c>title</c> in Dutch.</summary>
    public static string TranslationId(string field, string language) => $"{field}-{language}";

    /// <summary>
    /// The input id for a translation path the rules report (<c>titles.nl</c> → <c>title-nl</c>); null for any other
    /// path, and for translations of list entries, which a form reports on the list.
    /// </summary>
    public static string? TranslationId(string path) =>
        TranslationPath().Match(path) is { Success: true } match ? TranslationId(match.Groups["field"].Value, match.Groups["language"].Value) : null;

    [GeneratedRegex(@"^(?<field>[A-Za-z]+)s\.(?<language>[A-Za-z-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex TranslationPath();

    [GeneratedRegex(@"^(?<list>[A-Za-z]+)\[(?<index>\d+)\](?:\.(?<member>[A-Za-z]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex IndexedPath();
}
