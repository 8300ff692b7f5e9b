using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Passport.Application.Localization;

namespace Passport.Web.Tests.Localization;

/// <summary>
/// Every text exists in all four languages, with the same placeholders, so no page falls back to English; the pages'
/// texts (Passport.Web) and the use cases' own (Passport.Application) alike, each key in one of them only.
/// </summary>
public sealed partial class TextsTests
{
    private static readonly Dictionary<string, ResourceManager> Resources = new(StringComparer.Ordinal)
    {
        ["web"] = new("Passport.Web.Localization.Texts", typeof(Program).Assembly),
        ["application"] = new("Passport.Application.Localization.ApplicationTexts", typeof(ApplicationTexts).Assembly),
        ["email"] = new("Passport.Application.Email.EmailTexts", typeof(ApplicationTexts).Assembly),
    };

    public static TheoryData<string, string> Translations()
    {
        var data = new TheoryData<string, string>();
        foreach (var texts in Resources.Keys)
        {
            foreach (var language in new[] { "nl", "da", "nb" })
            {
                data.Add(texts, language);
            }
        }

        return data;
    }

    private static Dictionary<string, string> Texts(string texts, CultureInfo culture) =>
        Resources[texts].GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string)entry.Value!, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translation_HasExactlyTheEnglishKeys(string texts, string language)
    {
        var english = Texts(texts, CultureInfo.InvariantCulture);
        var translated = Texts(texts, new CultureInfo(language));

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(translated.Keys).Order());
        Assert.Empty(translated.Keys.Except(english.Keys).Order());
    }

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translation_KeepsEveryPlaceholder(string texts, string language)
    {
        var english = Texts(texts, CultureInfo.InvariantCulture);
        var translated = Texts(texts, new CultureInfo(language));

        var broken = english
            .Where(text => translated.TryGetValue(text.Key, out var other) && !Placeholders(text.Value).SequenceEqual(Placeholders(other)))
            .Select(text => text.Key)
            .ToList();

        Assert.Empty(broken);
    }

    [Fact]
    public void Keys_LiveInOneProjectOnly()
    {
        var web = Texts("web", CultureInfo.InvariantCulture);
        var application = Texts("application", CultureInfo.InvariantCulture);

        Assert.Empty(web.Keys.Intersect(application.Keys).Order());
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("da")]
    [InlineData("nb")]
    public void ApplicationTexts_ThroughTheHostsLocalization_AreFoundInEachLanguage(string language)
    {
        // Registered as the host registers it (AddLocalization, no resources path), so the embedded names must match.
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var localizer = services.GetRequiredService<IStringLocalizer<ApplicationTexts>>();
        var translated = Texts("application", new CultureInfo(language));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            Assert.All(translated, text =>
            {
                var found = localizer[text.Key];
                Assert.False(found.ResourceNotFound, text.Key);
                Assert.Equal(text.Value, found.Value);
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static IEnumerable<string> Placeholders(string text) => Placeholder().Matches(text).Select(match => match.Value).Order();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
