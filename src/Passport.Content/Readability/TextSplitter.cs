using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Passport.Domain.Accounts;

namespace Passport.Content.Readability;

/// <summary>
/// Splits a text into sentences and words the way the readability formulas count them (docs/content.md,
/// "Readability"). Markup is dropped; a placeholder (<c>{0}</c>, <c>{name}</c>), a link or an e-mail address counts
/// as one short word, as the reader sees one name, date or address there. A sentence ends at <c>.</c>, <c>!</c>,
/// <c>?</c>, <c>…</c> or a line break (a line of a template, a title, a list entry), and for LIX also at a colon, as
/// Björnsson counted. A full stop does not end a sentence inside a number (<c>10.30</c>), after a known abbreviation
/// of the language (<c>e.g.</c>, <c>bijv.</c>, <c>f.eks.</c>) or a single letter (an initial), nor when the next
/// word starts with a small letter (an abbreviation the list does not know).
/// </summary>
internal static partial class TextSplitter
{
    /// <summary>What a placeholder, link or address is replaced with: one letter, never a long word.</summary>
    public const char StandIn = '§';

    private static readonly Dictionary<string, HashSet<string>> Abbreviations = new(StringComparer.Ordinal)
    {
        [Languages.English] = Set("e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "no", "approx", "vs", "incl", "excl", "min", "max", "a.m", "p.m"),
        [Languages.Dutch] = Set("bijv", "bv", "o.a", "d.w.z", "enz", "ca", "nr", "mevr", "dhr", "incl", "excl", "z.s.m", "m.b.v", "i.p.v", "evt", "blz", "min", "max"),
        [Languages.Danish] = Set("f.eks", "bl.a", "kl", "ca", "osv", "dvs", "mv", "nr", "evt", "pga", "jf", "inkl", "ekskl", "min", "maks", "hhv"),
        [Languages.NorwegianBokmal] = Set("f.eks", "bl.a", "kl", "ca", "osv", "dvs", "mv", "nr", "evt", "pga", "jf", "inkl", "ekskl", "min", "maks", "hhv", "ev"),
    };

    /// <summary>The sentences of <paramref name="text"/>, each with at least one word, in order.</summary>
    public static IReadOnlyList<string> Sentences(string text, string language, bool colonEndsSentence)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = Normalise(text);
        var abbreviations = Abbreviations.GetValueOrDefault(language) ?? [];
        var sentences = new List<string>();
        var current = new StringBuilder();

        void End()
        {
            var sentence = current.ToString().Trim();
            if (Words(sentence).Count > 0)
            {
                sentences.Add(sentence);
            }

            current.Clear();
        }

        for (var index = 0; index < plain.Length; index++)
        {
            var character = plain[index];
            if (character == '\n')
            {
                End();
                continue;
            }

            current.Append(character);
            var ends = character switch
            {
                '!' or '?' => true,
                ':' => colonEndsSentence && IsFollowedBySpace(plain, index),
                '.' or '…' => IsFullStop(plain, index, abbreviations),
                _ => false,
            };
            if (!ends)
            {
                continue;
            }

            // "?!", "...", a closing quote or bracket belong to the sentence they close.
            while (index + 1 < plain.Length && plain[index + 1] is '.' or '!' or '?' or '…' or '"' or '\'' or '’' or '”' or ')')
            {
                current.Append(plain[++index]);
            }

            End();
        }

        End();
        return sentences;
    }

    /// <summary>
    /// The words of <paramref name="text"/>: runs of letters (with inner apostrophes and hyphens: <c>it's</c>,
    /// <c>collega's</c>, <c>e-mail</c> are one word), numbers (<c>10.30</c> is one) and stand-ins.
    /// </summary>
    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(text).Select(match => match.Value).ToList();

    /// <summary>The letters of a word, as LIX counts its length (hyphens, apostrophes and digits are not letters).</summary>
    public static int Letters(string word) => word.Count(char.IsLetter);

    /// <summary>Whether <paramref name="word"/> is a number (its syllables are counted per digit).</summary>
    public static bool IsNumber(string word) => word.Length > 0 && char.IsDigit(word[0]);

    /// <summary>Drops markup and replaces placeholders, links and addresses with a stand-in; keeps line breaks.</summary>
    public static string Normalise(string text)
    {
        var plain = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        plain = BlockTag().Replace(plain, "\n");
        plain = Tag().Replace(plain, " ");
        plain = WebUtility.HtmlDecode(plain);
        plain = Link().Replace(plain, StandIn.ToString());
        plain = Address().Replace(plain, StandIn.ToString());
        plain = Placeholder().Replace(plain, StandIn.ToString());
        return plain.Replace('\u00A0', ' ');
    }

    private static bool IsFullStop(string text, int index, HashSet<string> abbreviations)
    {
        // A full stop inside a token (10.30, e.g, www.x) is not the end of a sentence.
        if (index + 1 < text.Length && !IsFollowedBySpace(text, index) && text[index + 1] is not ('.' or '…' or '"' or '\'' or '’' or '”' or ')'))
        {
            return false;
        }

        if (text[index] == '.' && IsAbbreviation(TokenBefore(text, index), abbreviations))
        {
            return false;
        }

        // "approx. ten": the next word starts with a small letter, so the sentence goes on.
        var next = index + 1;
        while (next < text.Length && (text[next] is ' ' or '\t' or '.' or '…' or '"' or '\'' or '’' or '”' or '“' or ')' or '('))
        {
            next++;
        }

        return next >= text.Length || text[next] == '\n' || !char.IsLower(text[next]);
    }

    private static bool IsFollowedBySpace(string text, int index) => index + 1 >= text.Length || char.IsWhiteSpace(text[index + 1]);

    private static string TokenBefore(string text, int index)
    {
        var start = index;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        return text[start..index].TrimStart('(', '"', '\'', '‘', '“').ToLower(CultureInfo.InvariantCulture);
    }

    private static bool IsAbbreviation(string token, HashSet<string> abbreviations) =>
        (token.Length == 1 && char.IsLetter(token[0])) || abbreviations.Contains(token);

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{M}§]+(?:['’\-][\p{L}\p{M}§]+)*|\d+(?:[.,:]\d+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"<\s*(?:br|/?p|/?div|/?li|/?h[1-6]|/?tr|/?ul|/?ol)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^<>]+>")]
    private static partial Regex Tag();

    // A link's trailing full stop or comma belongs to the sentence, not to the link.
    [GeneratedRegex(@"(?:https?://|www\.)\S+?(?=[.,;:!?)]*(?:\s|$))", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")]
    private static partial Regex Address();

    // string.Format placeholders ({0}, {1:d}, {0,10}) and named ones ({name}).
    [GeneratedRegex(@"\{(?:\d+(?:,-?\d+)?(?::[^{}]*)?|[A-Za-z_][\w.]*)\}")]
    private static partial Regex Placeholder();
}
