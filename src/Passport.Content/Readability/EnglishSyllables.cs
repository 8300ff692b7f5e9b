using System.Globalization;

namespace Passport.Content.Readability;

/// <summary>
/// Counts the syllables of an English word by rule, as Flesch reading ease needs them. English spelling is too
/// irregular for rules alone, so this is an estimate (within one syllable for nearly every word; the tests hold a
/// word list): a syllable is a group of vowel letters, then
/// <list type="bullet">
///   <item>a few frequent words the rules get wrong are looked up (<c>business</c>, <c>colleague</c>, …);</item>
///   <item>compounds whose first part ends in a silent e are split (<c>some|times</c>, <c>home|work</c>);</item>
///   <item>suffixes are taken off and counted on their own: <c>-ly</c>, <c>-ful</c>, <c>-ment</c>, <c>-ness</c>,
///     <c>-less</c>, <c>-ing</c> add one; <c>-ed</c> adds one only after t or d (<c>needed</c>, not
///     <c>worked</c>); <c>-es</c> adds one only after a hissing sound (<c>changes</c>, <c>boxes</c>, not
///     <c>makes</c>);</item>
///   <item>a final e after a consonant is silent (<c>make</c>), except in consonant + <c>le</c> (<c>table</c>);</item>
///   <item>y is a vowel except at the start of a word or between vowels (<c>you</c>, <c>player</c>); u after q is
///     not (<c>quick</c>);</item>
///   <item>two vowels that are spoken apart add one: <c>ia</c>, <c>io</c>, <c>iu</c> except after c, s, t, g, x
///     (<c>radio</c>, not <c>nation</c>), <c>ua</c>/<c>uo</c> except after g or q (<c>actual</c>, not
///     <c>language</c>), <c>eo</c> except in <c>eop</c> (<c>video</c>, not <c>people</c>), <c>ie</c> before
///     <c>nc</c>/<c>nt</c> (<c>experience</c>, <c>client</c>), a final <c>ea</c> (<c>idea</c>), <c>re</c> + u or i at
///     the start (<c>reuse</c>), <c>react-</c> and <c>creat-</c>.</item>
/// </list>
/// Every word has at least one syllable.
/// </summary>
internal static class EnglishSyllables
{
    private static readonly Dictionary<string, int> Exceptions = new(StringComparer.Ordinal)
    {
        ["business"] = 2,
        ["colleague"] = 2,
        ["colleagues"] = 2,
        ["every"] = 2,
        ["everyone"] = 3,
        ["everything"] = 3,
        ["everybody"] = 4,
        ["hundred"] = 2,
        ["maybe"] = 2,
        ["queue"] = 1,
        ["quiet"] = 2,
        ["recipe"] = 3,
        ["science"] = 2,
        ["poem"] = 2,
        ["fire"] = 1,
        ["area"] = 3,
        ["wednesday"] = 2,
        ["vegetable"] = 3,
        ["vegetables"] = 3,
        ["different"] = 3,
        ["interest"] = 3,
        ["interesting"] = 4,
        ["evening"] = 2,
        ["naive"] = 2,
        ["being"] = 2,
    };

    // First parts of compounds that end in a silent e, so the vowel-group rule would count one too many.
    private static readonly string[] SilentEFirstParts =
        ["some", "where", "there", "home", "time", "life", "care", "fire", "side", "house", "base", "whole", "game", "line", "hope", "use", "safe", "phone", "note", "store"];

    private static readonly string[] AddingSuffixes = ["less", "ness", "ment", "ful", "ing", "ly"];

    public static int Count(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.ToLower(CultureInfo.InvariantCulture).Replace('’', '\'');
        if (lower.Contains('-', StringComparison.Ordinal))
        {
            return Math.Max(1, lower.Split('-', StringSplitOptions.RemoveEmptyEntries).Sum(Count));
        }

        // Contractions and the possessive: it's, don't, you're, Ali's.
        foreach (var ending in (string[])["'s", "n't", "'re", "'ll", "'ve", "'d", "'m", "'"])
        {
            if (lower.EndsWith(ending, StringComparison.Ordinal) && lower.Length > ending.Length)
            {
                var stem = lower[..^ending.Length];
                return CountLetters(Letters(stem));
            }
        }

        return CountLetters(Letters(lower));
    }

    private static int CountLetters(string word)
    {
        if (word.Length == 0)
        {
            return 1;
        }

        if (Exceptions.TryGetValue(word, out var known))
        {
            return known;
        }

        foreach (var first in SilentEFirstParts)
        {
            if (word.Length >= first.Length + 3 && word.StartsWith(first, StringComparison.Ordinal))
            {
                var rest = word[first.Length..];
                if (!IsVowel(rest[0]) || rest is "one" or "ones")
                {
                    return CountLetters(first) + CountLetters(rest);
                }
            }
        }

        foreach (var suffix in AddingSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 2 && HasVowel(word[..^suffix.Length]))
            {
                return CountLetters(word[..^suffix.Length]) + 1;
            }
        }

        // y between a vowel and -ed is a consonant: played, annoyed.
        if (word.Length > 3 && word.EndsWith("ed", StringComparison.Ordinal) && (!IsVowel(word[^3]) || (word[^3] == 'y' && IsVowel(word[^4]))))
        {
            var stem = word[..^2];
            return CountLetters(stem) + (stem[^1] is 't' or 'd' ? 1 : 0);
        }

        if (word.Length > 3 && word.EndsWith("es", StringComparison.Ordinal) && !IsVowel(word[^3]))
        {
            var stem = word[..^2];
            var hissing = stem.EndsWith('s') || stem.EndsWith('x') || stem.EndsWith('z') || stem.EndsWith("ch", StringComparison.Ordinal)
                || stem.EndsWith("sh", StringComparison.Ordinal) || stem.EndsWith('c') || stem.EndsWith('g');
            return CountLetters(word[..^1]) + (hissing ? 1 : 0);
        }

        return Math.Max(1, VowelGroups(word) - SilentFinalE(word) + Hiatuses(word));
    }

    private static int VowelGroups(string word)
    {
        var groups = 0;
        var inGroup = false;
        for (var index = 0; index < word.Length; index++)
        {
            var vowel = IsVowelAt(word, index);
            if (vowel && !inGroup)
            {
                groups++;
            }

            inGroup = vowel;
        }

        return groups;
    }

    private static bool IsVowelAt(string word, int index)
    {
        var letter = word[index];
        if (letter == 'y')
        {
            // A consonant at the start (you, yes) and between vowels (player, beyond).
            return index > 0 && !(index + 1 < word.Length && IsVowel(word[index - 1]) && IsVowel(word[index + 1]));
        }

        if (letter == 'u' && index > 0 && word[index - 1] == 'q')
        {
            return false;
        }

        return IsVowel(letter);
    }

    private static int SilentFinalE(string word)
    {
        if (word.Length < 2 || word[^1] != 'e' || IsVowelAt(word, word.Length - 2))
        {
            return 0;
        }

        var consonantPlusLe = word.Length >= 3 && word[^2] == 'l' && !IsVowel(word[^3]);
        return consonantPlusLe || VowelGroups(word) < 2 ? 0 : 1;
    }

    private static int Hiatuses(string word)
    {
        var extra = 0;
        for (var index = 0; index + 1 < word.Length; index++)
        {
            var before = index > 0 ? word[index - 1] : ' ';
            var pair = word.AsSpan(index, 2);
            if ((pair is "ia" or "io" or "iu" && before is not ('c' or 's' or 't' or 'g' or 'x'))
                || (pair is "ua" or "uo" && before is not ('g' or 'q'))
                || (pair is "eo" && !word.AsSpan(index).StartsWith("eop"))
                || (pair is "ie" && before is not ('c' or 's' or 't') && (word.AsSpan(index + 2).StartsWith("nc") || word.AsSpan(index + 2).StartsWith("nt"))))
            {
                extra++;
            }
        }

        if (word.Length > 3 && word.EndsWith("ea", StringComparison.Ordinal))
        {
            extra++;
        }

        // reuse, reinstall, react, create (but read, ready, reason: "rea" is one sound; reopen has its "eo" above).
        if ((word.Length > 3 && word.StartsWith("re", StringComparison.Ordinal) && word[2] is 'u' or 'i')
            || word.StartsWith("react", StringComparison.Ordinal) || word.StartsWith("creat", StringComparison.Ordinal))
        {
            extra++;
        }

        return extra;
    }

    // é stays, as a spoken vowel (café); other letters outside a–z are not English spelling.
    private static string Letters(string word) => new([.. word.Where(letter => letter is >= 'a' and <= 'z' or 'é')]);

    private static bool HasVowel(string word) => word.Any(IsVowel);

    private static bool IsVowel(char letter) => letter is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'é';
}
