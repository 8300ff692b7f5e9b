using System.Collections.Immutable;
using Passport.Domain.Accounts;
using Passport.Domain.Validation;

namespace Passport.Domain.Localization;

/// <summary>
/// A text its author wrote in one product language (<see cref="Language"/>) and, if they like, in others too: a
/// vacancy's or a pathway's title, a must-have's label. Each reader gets the text in their own language, or else the
/// author's. Unlike <see cref="LocalizedText"/> (content files, which must have every language) only the author's own
/// language is required.
/// </summary>
public sealed class MultilingualText : IEquatable<MultilingualText>
{
    private static readonly ImmutableSortedDictionary<string, string> None = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    private MultilingualText(string language, string text, ImmutableSortedDictionary<string, string> translations)
    {
        Language = language;
        Text = text;
        Translations = translations;
    }

    /// <summary>The author's language: the one <see cref="Text"/> is in, and the fallback for every other reader.</summary>
    public string Language { get; }

    /// <summary>The text in <see cref="Language"/>.</summary>
    public string Text { get; }

    /// <summary>The same text in other product languages, by language; never the author's own language.</summary>
    public IReadOnlyDictionary<string, string> Translations { get; }

    /// <summary>Every language given, the author's first.</summary>
    public IReadOnlyDictionary<string, string> All =>
        new[] { KeyValuePair.Create(Language, Text) }.Concat(Translations).ToDictionary(StringComparer.Ordinal);

    /// <summary>The text for a reader of <paramref name="language"/>: their translation, or else the author's text.</summary>
    public string In(string? language) =>
        language is not null && Translations.TryGetValue(language, out var translated) ? translated : Text;

    /// <summary>
    /// A text already checked (<see cref="Check"/>) or read back from storage: blank translations and one in the
    /// author's own language are left out, so a reader never gets a blank.
    /// </summary>
    public static MultilingualText Of(string? language, string text, IReadOnlyDictionary<string, string>? translations = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var author = Languages.IsSupported(language) ? language! : Languages.Default;
        var kept = (translations ?? None)
            .Where(pair => Languages.IsSupported(pair.Key) && pair.Key != author && !string.IsNullOrWhiteSpace(pair.Value))
            .ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Value.Trim(), StringComparer.Ordinal);
        return new MultilingualText(author, text.Trim(), kept.IsEmpty ? None : kept);
    }

    /// <summary>The translations someone typed, trimmed, without the blank ones (an empty optional field).</summary>
    public static IReadOnlyDictionary<string, string> Given(IReadOnlyDictionary<string, string?>? typed) =>
        (typed ?? ImmutableDictionary<string, string?>.Empty)
            .Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
            .ToImmutableSortedDictionary(pair => pair.Key, pair => pair.Value!.Trim(), StringComparer.Ordinal);

    /// <summary>
    /// Checks the author's language and the translations of a text whose own rules (required, length) the caller
    /// checks: a known language, translations only in other product languages, each at most
    /// <paramref name="maxLength"/> characters. A blank translation counts as not given, so a form's empty optional
    /// field is fine.
    /// </summary>
    /// <param name="languageField">The field naming the author's language (null when the caller has none).</param>
    /// <param name="translationsField">The field holding the translations, e.g. <c>titles</c>.</param>
    public static void Check(
        ValidationErrors errors,
        string? languageField,
        string? language,
        string translationsField,
        IReadOnlyDictionary<string, string?>? translations,
        int maxLength)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (languageField is not null && language is not null && !Languages.IsSupported(language.Trim()))
        {
            errors.Add(languageField, "Translations.Language.Unknown", language, string.Join(", ", Languages.All));
        }

        var author = language?.Trim() is { Length: > 0 } given ? given : Languages.Default;
        foreach (var (key, text) in translations ?? ImmutableDictionary<string, string?>.Empty)
        {
            var field = $"{translationsField}.{key}";
            if (!Languages.IsSupported(key))
            {
                errors.Add(field, "Translations.Language.Unknown", key, string.Join(", ", Languages.All));
            }
            else if (key == author && !string.IsNullOrWhiteSpace(text))
            {
                errors.Add(field, "Translations.SameLanguage", key);
            }
            else if (text is not null && text.Trim().Length > maxLength)
            {
                errors.Add(field, "Translations.TooLong", maxLength);
            }
        }
    }

    public bool Equals(MultilingualText? other) =>
        other is not null && Language == other.Language && Text == other.Text && SameTranslations(Translations, other.Translations);

    /// <summary>Whether two sets of translations hold the same texts, whatever dictionary type or order holds them.</summary>
    public static bool SameTranslations(IReadOnlyDictionary<string, string>? one, IReadOnlyDictionary<string, string>? other)
    {
        one ??= None;
        other ??= None;
        return one.Count == other.Count && one.All(pair => other.TryGetValue(pair.Key, out var text) && text == pair.Value);
    }

    public override bool Equals(object? obj) => Equals(obj as MultilingualText);

    public override int GetHashCode() => HashCode.Combine(Language, Text, Translations.Count);

    public override string ToString() => Text;
}
