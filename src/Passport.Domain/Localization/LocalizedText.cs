using Passport.Domain.Accounts;

namespace Passport.Domain.Localization;

/// <summary>A text written in every product language; content files carry one per prompt, option and label.</summary>
public sealed class LocalizedText
{
    private readonly Dictionary<string, string> _texts;

    public LocalizedText(IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        _texts = new Dictionary<string, string>(texts, StringComparer.Ordinal);
    }

    /// <summary>The product languages this text lacks or leaves blank; content with any is rejected.</summary>
    public IReadOnlyList<string> MissingLanguages =>
        [.. Languages.All.Where(language => !_texts.TryGetValue(language, out var text) || string.IsNullOrWhiteSpace(text))];

    /// <summary>The text in <paramref name="language"/>, falling back to English so a reader never sees a blank.</summary>
    public string In(string language) =>
        _texts.TryGetValue(language, out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : _texts.GetValueOrDefault(Languages.English, string.Empty);

    public override string ToString() => In(Languages.English);
}
