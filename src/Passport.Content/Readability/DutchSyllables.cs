using System.Globalization;

namespace Passport.Content.Readability;

/// <summary>
/// Counts the syllables of a Dutch word, as Flesch–Douma needs them. Dutch spelling is regular enough that a
/// syllable is one vowel sound, and vowel sounds are found by spelling:
/// <list type="bullet">
///   <item>the longest known vowel spelling at each vowel is one sound: <c>aai</c>, <c>ooi</c>, <c>oei</c>,
///     <c>eeu</c>, <c>ieu</c>, <c>eau</c>, then <c>aa</c>, <c>ee</c>, <c>oo</c>, <c>uu</c>, <c>ie</c>, <c>oe</c>,
///     <c>eu</c>, <c>ei</c>, <c>ij</c>, <c>ui</c>, <c>ou</c>, <c>au</c>; any other vowel letter (a, e, i, o, u, y) is
///     one sound of its own, so <c>theater</c> has three and <c>sociaal</c> (i + aa) three;</item>
///   <item>a final e is spoken (<c>werken</c>, <c>klare</c>), unlike in English;</item>
///   <item>a diaeresis starts a new syllable (<c>ideeën</c>, <c>geïnteresseerd</c>), other accents are ignored
///     (<c>één</c>, <c>café</c>);</item>
///   <item>parts joined by a hyphen or apostrophe are counted apart (<c>e-mail</c>, <c>collega's</c>);</item>
///   <item>a few English loanwords frequent in the texts are looked up, also inside compounds (<c>team</c>,
///     <c>keukenteam</c>, <c>training</c>), as their spelling follows English.</item>
/// </list>
/// Every word has at least one syllable.
/// </summary>
internal static class DutchSyllables
{
    // Longest first, so "aai" wins over "aa".
    private static readonly string[] Sounds =
        ["aai", "ooi", "oei", "eeu", "ieu", "eau", "aa", "ee", "oo", "uu", "ie", "oe", "eu", "ei", "ij", "ui", "ou", "au"];

    // Also found inside compounds (keukenteam, voetbaltraining), longest first; at least four letters, so a short
    // loan does not match inside a Dutch word.
    private static readonly (string Word, int Syllables)[] Loanwords =
    [
        ("brainstorm", 2), ("smoothie", 2), ("playlist", 2), ("deadline", 2), ("training", 2), ("feedback", 2),
        ("website", 2), ("speaker", 2), ("manager", 3), ("trainer", 2), ("online", 2), ("team", 1), ("mail", 1),
    ];

    public static int Count(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var parts = word.ToLower(CultureInfo.InvariantCulture).Split(['-', '\'', '’'], StringSplitOptions.RemoveEmptyEntries);
        return Math.Max(1, parts.Sum(CountPart));
    }

    private static int CountPart(string part)
    {
        foreach (var (loan, syllables) in Loanwords)
        {
            var at = part.IndexOf(loan, StringComparison.Ordinal);
            if (at >= 0)
            {
                return CountPart(part[..at]) + syllables + CountPart(part[(at + loan.Length)..]);
            }
        }

        var count = 0;
        var index = 0;
        while (index < part.Length)
        {
            if (!IsVowel(part[index]))
            {
                index++;
                continue;
            }

            count++;
            if (IsDiaeresis(part[index]))
            {
                index++;
                continue;
            }

            var length = 1;
            foreach (var sound in Sounds)
            {
                if (string.CompareOrdinal(part, index, sound, 0, sound.Length) == 0 || MatchesWithoutAccents(part, index, sound))
                {
                    length = sound.Length;
                    break;
                }
            }

            index += length;
        }

        return count;
    }

    // één, ééns, coördinator: an acute or grave accent is stress, not a new sound; a diaeresis is.
    private static bool MatchesWithoutAccents(string part, int index, string sound)
    {
        if (index + sound.Length > part.Length)
        {
            return false;
        }

        for (var offset = 0; offset < sound.Length; offset++)
        {
            var letter = part[index + offset];
            if (offset > 0 && IsDiaeresis(letter))
            {
                return false;
            }

            if (WithoutAccent(letter) != sound[offset])
            {
                return false;
            }
        }

        return true;
    }

    private static char WithoutAccent(char letter) => letter switch
    {
        'á' or 'à' or 'â' => 'a',
        'é' or 'è' or 'ê' => 'e',
        'í' or 'ì' or 'î' => 'i',
        'ó' or 'ò' or 'ô' => 'o',
        'ú' or 'ù' or 'û' => 'u',
        _ => letter,
    };

    private static bool IsDiaeresis(char letter) => letter is 'ä' or 'ë' or 'ï' or 'ö' or 'ü';

    private static bool IsVowel(char letter) => WithoutAccent(letter) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' || IsDiaeresis(letter);
}
