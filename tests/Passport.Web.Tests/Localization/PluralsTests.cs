using System.Collections;
using System.Globalization;
using System.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Passport.Web.Localization;

namespace Passport.Web.Tests.Localization;

/// <summary>
/// Plurals by the CLDR cardinal rules of each language, and texts that show a count come as a pair of plural forms in
/// every language.
/// </summary>
public sealed class PluralsTests
{
    [Theory]
    [InlineData("en", "1", PluralCategory.One)]
    [InlineData("en", "0", PluralCategory.Other)]
    [InlineData("en", "2", PluralCategory.Other)]
    [InlineData("en", "21", PluralCategory.Other)]
    [InlineData("en", "1.0", PluralCategory.Other)]
    [InlineData("en", "0.5", PluralCategory.Other)]
    [InlineData("nl", "1", PluralCategory.One)]
    [InlineData("nl", "11", PluralCategory.Other)]
    [InlineData("nl", "1.5", PluralCategory.Other)]
    [InlineData("da", "1", PluralCategory.One)]
    [InlineData("da", "0", PluralCategory.Other)]
    [InlineData("da", "0.5", PluralCategory.One)]
    [InlineData("da", "1.5", PluralCategory.One)]
    [InlineData("da", "1.0", PluralCategory.One)]
    [InlineData("da", "2.5", PluralCategory.Other)]
    [InlineData("nb", "1", PluralCategory.One)]
    [InlineData("nb", "1.0", PluralCategory.One)]
    [InlineData("nb", "0.5", PluralCategory.Other)]
    [InlineData("nb", "2", PluralCategory.Other)]
    [InlineData("nb", "-1", PluralCategory.One)]
    public void Of_Number_FollowsTheLanguagesCldrRule(string language, string number, PluralCategory expected)
    {
        Assert.Equal(expected, Plurals.Of(language, decimal.Parse(number, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Of_UnknownLanguage_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Plurals.Of("xx", 1));
    }

    [Theory]
    [InlineData("en", 1, "1 vacancy")]
    [InlineData("en", 19, "19 vacancies")]
    [InlineData("en", 0, "0 vacancies")]
    [InlineData("nl", 1, "1 vacature")]
    [InlineData("nl", 3, "3 vacatures")]
    [InlineData("da", 1, "1 stilling")]
    [InlineData("da", 2, "2 stillinger")]
    [InlineData("nb", 1, "1 stilling")]
    [InlineData("nb", 5, "5 stillinger")]
    public void Plural_ThroughTheHostsLocalization_PicksTheFormForTheCount(string language, int count, string expected)
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var texts = services.GetRequiredService<IStringLocalizer<Texts>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            Assert.Equal(expected, texts.Plural("Insights.Chart.Vacancies", count).Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("nl")]
    [InlineData("da")]
    [InlineData("nb")]
    public void Texts_EveryPluralForm_HasItsPair(string language)
    {
        var culture = language == "en" ? CultureInfo.InvariantCulture : new CultureInfo(language);
        var keys = new ResourceManager("Passport.Web.Localization.Texts", typeof(Program).Assembly)
            .GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .Select(entry => (string)entry.Key)
            .ToHashSet(StringComparer.Ordinal);

        var ones = keys.Where(key => key.EndsWith(".One", StringComparison.Ordinal)).Select(key => key[..^".One".Length]).ToHashSet();
        var others = keys.Where(key => key.EndsWith(".Other", StringComparison.Ordinal)).Select(key => key[..^".Other".Length]).ToHashSet();

        Assert.NotEmpty(ones);
        Assert.Empty(ones.Except(others).Order(StringComparer.Ordinal));
        // A text with plural forms has no plain form left beside them.
        Assert.DoesNotContain(ones, keys.Contains);
    }
}
