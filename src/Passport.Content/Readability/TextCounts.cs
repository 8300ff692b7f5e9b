namespace Passport.Content.Readability;

/// <summary>
/// What the readability formulas need of a text: its sentences, words, syllables (English and Dutch only; zero
/// otherwise) and long words (more than six letters, for LIX).
/// </summary>
internal readonly record struct TextCounts(int Sentences, int Words, int Syllables, int LongWords)
{
    public static TextCounts operator +(TextCounts left, TextCounts right) =>
        new(left.Sentences + right.Sentences, left.Words + right.Words, left.Syllables + right.Syllables, left.LongWords + right.LongWords);

    public static TextCounts Add(TextCounts left, TextCounts right) => left + right;
}
