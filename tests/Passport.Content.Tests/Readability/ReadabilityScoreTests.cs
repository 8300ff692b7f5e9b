using Passport.Content.Readability;

namespace Passport.Content.Tests.Readability;

/// <summary>
/// The formulas on reference texts whose sentences, words, syllables and long words were counted by hand (the counts
/// are in each test), and the splitting of sentences and words around abbreviations, numbers, placeholders and markup.
/// </summary>
public sealed class ReadabilityScoreTests
{
    private const double Tolerance = 0.01;

    [Fact]
    public void Flesch_PlainEnglish_MatchesHandCount()
    {
        // 3 sentences, 17 words, 20 syllables (Sa-ra, some-thing, un-clear: two each; all else one).
        const string Text = "You start work at nine. Bring your badge and a pen. Ask Sara if something is unclear.";
        var expected = 206.835 - (1.015 * 17 / 3) - (84.6 * 20 / 17);

        Assert.Equal(expected, ReadabilityCheck.Score(Text, "en"), Tolerance);
        Assert.Equal(101.55, expected, Tolerance);
    }

    [Fact]
    public void Flesch_OfficialEnglish_ScoresFarBelowZero()
    {
        // 1 sentence, 4 words, 16 syllables (el-i-gi-bil-i-ty 6, doc-u-men-ta-tion 5, is 1, man-da-to-ry 4).
        const string Text = "Eligibility documentation is mandatory.";
        var expected = 206.835 - (1.015 * 4) - (84.6 * 16 / 4);

        Assert.Equal(expected, ReadabilityCheck.Score(Text, "en"), Tolerance);
        Assert.Equal(-135.63, expected, Tolerance);
    }

    [Fact]
    public void FleschDouma_PlainDutch_MatchesHandCount()
    {
        // 3 sentences, 21 words, 26 syllables (be-gint, ne-gen, Sa-ra: two; dui-de-lijk: three; all else one).
        const string Text = "Je begint om negen uur. Neem je pas en een pen mee. Vraag het aan Sara als iets niet duidelijk is.";
        var expected = 206.835 - (0.93 * 21 / 3) - (77.0 * 26 / 21);

        Assert.Equal(expected, ReadabilityCheck.Score(Text, "nl"), Tolerance);
        Assert.Equal(104.99, expected, Tolerance);
    }

    [Fact]
    public void Lix_PlainDanish_MatchesHandCount()
    {
        // 3 sentences, 17 words, 2 of more than six letters (klokken, kuglepen; uklart has six).
        const string Text = "Du møder klokken ni. Tag dit kort og en kuglepen med. Spørg Sara, hvis noget er uklart.";
        var expected = (17.0 / 3) + (100.0 * 2 / 17);

        Assert.Equal(expected, ReadabilityCheck.Score(Text, "da"), Tolerance);
        Assert.Equal(17.43, expected, Tolerance);
    }

    [Fact]
    public void Lix_OfficialNorwegian_ScoresAboveOneHundred()
    {
        // 1 sentence, 4 words, all long.
        Assert.Equal(104.0, ReadabilityCheck.Score("Arbeidsmiljøutvalget behandler sykefraværsoppfølgingen kontinuerlig.", "nb"), Tolerance);
    }

    [Fact]
    public void Lix_Colon_EndsASentenceButFleschDoesNot()
    {
        // LIX: "Husk:" and "kort og pen." are two sentences of 4 words, none long.
        Assert.Equal(2.0, ReadabilityCheck.Score("Husk: kort og pen.", "nb"), Tolerance);
        Assert.Single(TextSplitter.Sentences("Bring: your badge and a pen.", "en", colonEndsSentence: false));
    }

    [Theory]
    [InlineData("en", "Bring e.g. a pen. Then go home.", 2)]
    [InlineData("en", "We start at 10.30 today. Be on time.", 2)]
    [InlineData("en", "J. Smith is here. Say hello.", 2)]
    [InlineData("en", "It costs approx. ten euros.", 1)]
    [InlineData("en", "Wait... Is it you? Yes!", 3)]
    [InlineData("en", "Summary line\nWhen: Monday\n\nDetails follow.", 3)]
    [InlineData("nl", "Neem bijv. een pen mee. Dan ga je.", 2)]
    [InlineData("nl", "Hij zei: 'Het is klaar.' Daarna ging hij.", 2)]
    [InlineData("da", "Kom kl. 17 til mødet. Tag en pen med.", 2)]
    [InlineData("nb", "Ta med f.eks. en penn. Så går du.", 2)]
    public void Sentences_AbbreviationsNumbersAndLines_SplitWhereASentenceEnds(string language, string text, int sentences) =>
        Assert.Equal(sentences, TextSplitter.Sentences(text, language, colonEndsSentence: false).Count);

    [Fact]
    public void Words_PlaceholdersLinksAndMarkup_CountAsTheReaderSeesThem()
    {
        var sentences = TextSplitter.Sentences(
            "<p>Hi {0}, see <strong>https://example.org/a.b?c=1</strong> or mail info@example.org.</p><p>Bring {1:d}.</p>", "en", colonEndsSentence: false);

        Assert.Equal(2, sentences.Count);
        Assert.Equal(["Hi", "§", "see", "§", "or", "mail", "§"], TextSplitter.Words(sentences[0]));
        Assert.Equal(["Bring", "§"], TextSplitter.Words(sentences[1]));
    }

    [Fact]
    public void Words_ApostrophesHyphensAndNumbers_StayOneWord() =>
        Assert.Equal(["It's", "Ali's", "e-mail", "at", "10.30"], TextSplitter.Words("It's Ali's e-mail at 10.30."));
}
