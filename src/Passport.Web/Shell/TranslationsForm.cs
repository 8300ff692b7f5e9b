using Passport.Domain.Accounts;

namespace Passport.Web.Shell;

/// <summary>
/// A form text's optional translations as posted (one input per product language; the author's own stays empty),
/// turned into the <c>titles</c>-style map the API reads, so page and API refuse the same things.
/// </summary>
public sealed class TranslationsForm
{
    public string? En { get; set; }

    public string? Nl { get; set; }

    public string? Da { get; set; }

    public string? Nb { get; set; }

    public string? this[string language] => language switch
    {
        Languages.English => En,
        Languages.Dutch => Nl,
        Languages.Danish => Da,
        Languages.NorwegianBokmal => Nb,
        _ => null,
    };

    /// <summary>The form property of <paramref name="language"/>, e.g. <c>Nl</c>, for an input's name.</summary>
    public static string PropertyOf(string language) => language switch
    {
        Languages.English => nameof(En),
        Languages.Dutch => nameof(Nl),
        Languages.Danish => nameof(Da),
        Languages.NorwegianBokmal => nameof(Nb),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Not a product language."),
    };

    public bool IsEmpty => Languages.All.All(language => string.IsNullOrWhiteSpace(this[language]));

    /// <summary>The texts given in languages other than the author's; blank ones count as not given.</summary>
    public Dictionary<string, string?> Given(string author) =>
        Languages.All.Where(language => language != author && !string.IsNullOrWhiteSpace(this[language]))
            .ToDictionary(language => language, language => this[language], StringComparer.Ordinal);

    /// <summary>
    /// The translations of the stored text equal to <paramref name="typed"/>, for a text the form has no translation
    /// inputs for: a text left as it was keeps them, a changed one starts without. Null when there are none.
    /// </summary>
    public static Dictionary<string, string?>? Kept<T>(
        IEnumerable<T>? stored, string? typed, Func<T, string> text, Func<T, IReadOnlyDictionary<string, string>> translations)
        where T : class =>
        stored?.FirstOrDefault(item => text(item) == typed?.Trim()) is { } kept && translations(kept) is { Count: > 0 } given
            ? given.ToDictionary(pair => pair.Key, string? (pair) => pair.Value, StringComparer.Ordinal)
            : null;

    public static TranslationsForm From(IReadOnlyDictionary<string, string> translations)
    {
        ArgumentNullException.ThrowIfNull(translations);
        return new TranslationsForm
        {
            En = translations.GetValueOrDefault(Languages.English),
            Nl = translations.GetValueOrDefault(Languages.Dutch),
            Da = translations.GetValueOrDefault(Languages.Danish),
            Nb = translations.GetValueOrDefault(Languages.NorwegianBokmal),
        };
    }
}
