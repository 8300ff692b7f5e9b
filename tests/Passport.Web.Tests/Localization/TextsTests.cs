using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Passport.Web.Tests.Localization;

/// <summary>Every text exists in all four languages, with the same placeholders, so no page falls back to English.</summary>
public sealed partial class TextsTests
{
    private static readonly ResourceManager Resources = new("Passport.Web.Localization.Texts", typeof(Program).Assembly);

    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!, StringComparer.Ordinal);

    [Theory]
    [InlineData("nl")]
    [InlineData("da")]
    [InlineData("nb")]
    public void Translation_HasExactlyTheEnglishKeys(string language)
    {
        var english = Texts(CultureInfo.InvariantCulture);
        var translated = Texts(new CultureInfo(language));

        Assert.Empty(english.Keys.Except(translated.Keys).Order());
        Assert.Empty(translated.Keys.Except(english.Keys).Order());
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("da")]
    [InlineData("nb")]
    public void Translation_KeepsEveryPlaceholder(string language)
    {
        var english = Texts(CultureInfo.InvariantCulture);
        var translated = Texts(new CultureInfo(language));

        var broken = english
            .Where(text => translated.TryGetValue(text.Key, out var other) && !Placeholders(text.Value).SequenceEqual(Placeholders(other)))
            .Select(text => text.Key)
            .ToList();

        Assert.Empty(broken);
    }

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(match => match.Value).Order();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
