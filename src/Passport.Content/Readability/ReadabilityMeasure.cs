using Passport.Domain.Accounts;

namespace Passport.Content.Readability;

/// <summary>
/// A readability formula and the language it is made for (docs/content.md, "Readability"). Flesch reading ease and
/// Flesch–Douma: higher is easier (about 0–100; short words in short sentences score above 100). LIX: lower is
/// easier.
/// </summary>
public sealed class ReadabilityMeasure
{
    /// <summary>Flesch (1948): 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.</summary>
    public static readonly ReadabilityMeasure Flesch = new("flesch", "Flesch reading ease", higherIsEasier: true, colonEndsSentence: false);

    /// <summary>Douma (1960), Flesch adapted to Dutch: 206.835 − 0.93 × words per sentence − 77 × syllables per word.</summary>
    public static readonly ReadabilityMeasure FleschDouma = new("flesch-douma", "Flesch–Douma", higherIsEasier: true, colonEndsSentence: false);

    /// <summary>Björnsson (1968): words per sentence + 100 × words of more than six letters per word.</summary>
    public static readonly ReadabilityMeasure Lix = new("lix", "LIX", higherIsEasier: false, colonEndsSentence: true);

    private ReadabilityMeasure(string id, string name, bool higherIsEasier, bool colonEndsSentence)
    {
        Id = id;
        Name = name;
        HigherIsEasier = higherIsEasier;
        ColonEndsSentence = colonEndsSentence;
    }

    /// <summary>The name in <c>readability.json</c>.</summary>
    public string Id { get; }

    /// <summary>The name in messages.</summary>
    public string Name { get; }

    /// <summary>Whether the threshold is a minimum (Flesch) rather than a maximum (LIX).</summary>
    public bool HigherIsEasier { get; }

    /// <summary>LIX counts a colon as the end of a sentence, as Björnsson did.</summary>
    public bool ColonEndsSentence { get; }

    /// <summary>The measure texts in <paramref name="language"/> are scored with, or null for an unknown language.</summary>
    public static ReadabilityMeasure? For(string language) => language switch
    {
        Languages.English => Flesch,
        Languages.Dutch => FleschDouma,
        Languages.Danish or Languages.NorwegianBokmal => Lix,
        _ => null,
    };

    /// <summary>The score of counts with at least one word and one sentence.</summary>
    internal double Score(TextCounts counts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(counts.Words, 1, nameof(counts));
        ArgumentOutOfRangeException.ThrowIfLessThan(counts.Sentences, 1, nameof(counts));
        var wordsPerSentence = (double)counts.Words / counts.Sentences;
        var syllablesPerWord = (double)counts.Syllables / counts.Words;
        return Id switch
        {
            "flesch" => 206.835 - (1.015 * wordsPerSentence) - (84.6 * syllablesPerWord),
            "flesch-douma" => 206.835 - (0.93 * wordsPerSentence) - (77 * syllablesPerWord),
            _ => wordsPerSentence + (100.0 * counts.LongWords / counts.Words),
        };
    }

    /// <summary>Counts <paramref name="text"/> in <paramref name="language"/> the way this measure needs.</summary>
    internal TextCounts Count(string text, string language)
    {
        var sentences = TextSplitter.Sentences(text, language, ColonEndsSentence);
        var words = sentences.SelectMany(TextSplitter.Words).ToList();
        var syllables = this == Lix ? 0 : words.Sum(word => Syllables(word, language));
        var longWords = words.Count(word => TextSplitter.Letters(word) > 6);
        return new TextCounts(sentences.Count, words.Count, syllables, longWords);
    }

    /// <summary>The syllables of one word: a number has one per digit (roughly as it is spoken), a stand-in one.</summary>
    internal static int Syllables(string word, string language)
    {
        if (TextSplitter.IsNumber(word))
        {
            return Math.Max(1, word.Count(char.IsDigit));
        }

        return language == Languages.Dutch ? DutchSyllables.Count(word) : EnglishSyllables.Count(word);
    }

    /// <summary>Whether <paramref name="score"/> is on the easy side of <paramref name="threshold"/> (or on it).</summary>
    public bool Passes(double score, double threshold) => HigherIsEasier ? score >= threshold : score <= threshold;

    public override string ToString() => Name;
}
