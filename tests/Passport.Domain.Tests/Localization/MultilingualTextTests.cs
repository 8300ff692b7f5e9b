using Passport.Domain.Localization;
using Passport.Domain.Validation;

namespace Passport.Domain.Tests.Localization;

public sealed class MultilingualTextTests
{
    private static MultilingualText ForkliftDriver() =>
        MultilingualText.Of("en", " Forklift driver ", new Dictionary<string, string> { ["nl"] = " Heftruckchauffeur ", ["da"] = "  " });

    [Fact]
    public void In_ReaderLanguageGiven_GivesThatText()
    {
        Assert.Equal("Heftruckchauffeur", ForkliftDriver().In("nl"));
    }

    [Theory]
    [InlineData("da")]
    [InlineData("nb")]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData(null)]
    public void In_ReaderLanguageMissingOrBlank_FallsBackToTheAuthorsText(string? language)
    {
        Assert.Equal("Forklift driver", ForkliftDriver().In(language));
    }

    [Fact]
    public void Of_AuthorWroteDutch_EnglishReaderGetsTheTranslationAndOthersTheDutch()
    {
        var text = MultilingualText.Of("nl", "Heftruckchauffeur", new Dictionary<string, string> { ["en"] = "Forklift driver" });

        Assert.Equal(("nl", "Heftruckchauffeur", "Forklift driver", "Heftruckchauffeur"), (text.Language, text.Text, text.In("en"), text.In("da")));
        Assert.Equal(["nl", "en"], text.All.Keys);
    }

    [Fact]
    public void Of_UnknownAuthorLanguage_CountsAsEnglishAndDropsUnknownTranslations()
    {
        var text = MultilingualText.Of("xx", "Forklift driver", new Dictionary<string, string> { ["fr"] = "Cariste", ["en"] = "Other" });

        Assert.Equal("en", text.Language);
        Assert.Empty(text.Translations);
    }

    [Fact]
    public void Of_BlankText_Throws()
    {
        Assert.Throws<ArgumentException>(() => MultilingualText.Of("en", " "));
    }

    [Fact]
    public void Equals_SameTextsInAnyOrder_AreEqual()
    {
        var one = MultilingualText.Of("en", "A", new Dictionary<string, string> { ["nl"] = "B", ["da"] = "C" });
        var other = MultilingualText.Of("en", "A", new Dictionary<string, string> { ["da"] = "C", ["nl"] = "B" });

        Assert.Equal(one, other);
        Assert.NotEqual(one, MultilingualText.Of("en", "A"));
    }

    [Fact]
    public void Check_KnownLanguagesWithinLimit_HasNoErrors()
    {
        var errors = new ValidationErrors();

        MultilingualText.Check(errors, "language", "en", "titles", new Dictionary<string, string?> { ["nl"] = "Heftruck", ["da"] = "", ["nb"] = null }, 10);

        Assert.True(errors.IsValid);
    }

    [Fact]
    public void Check_UnknownLanguagesSameLanguageAndTooLong_NamesEachField()
    {
        var errors = new ValidationErrors();

        MultilingualText.Check(errors, "language", "xx", "titles", new Dictionary<string, string?>
        {
            ["fr"] = "Cariste",
            ["nl"] = "Een veel te lange titel",
        }, 10);
        MultilingualText.Check(errors, null, "nl", "mustHaves[0].labels", new Dictionary<string, string?> { ["nl"] = "Rijbewijs" }, 10);

        Assert.Equal(
            [
                ("language", "Translations.Language.Unknown"),
                ("titles.fr", "Translations.Language.Unknown"),
                ("titles.nl", "Translations.TooLong"),
                ("mustHaves[0].labels.nl", "Translations.SameLanguage"),
            ],
            errors.Errors.Select(error => (error.Field, error.Code)));
    }
}
