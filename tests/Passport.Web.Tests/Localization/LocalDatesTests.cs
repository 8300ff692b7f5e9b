using System.Globalization;
using Passport.Web.Localization;

namespace Passport.Web.Tests.Localization;

/// <summary>One date style and one date-and-time style per language, on the platform's clock.</summary>
public sealed class LocalDatesTests
{
    private static readonly LocalDates Amsterdam = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));

    // 23:30 UTC is already the next day in Amsterdam (UTC+1 in December).
    private static readonly DateTimeOffset LateEvening = new(2026, 12, 6, 23, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("en", "7 December 2026")]
    [InlineData("nl", "7 december 2026")]
    [InlineData("da", "7. december 2026")]
    [InlineData("nb", "7. desember 2026")]
    public void Day_EachLanguage_WritesItsOneDateStyleOnThePlatformsClock(string language, string expected)
    {
        using var _ = new CultureScope(language);

        Assert.Equal(expected, Amsterdam.Day(LateEvening));
        Assert.Equal(expected, Amsterdam.Day(new DateOnly(2026, 12, 7)));
    }

    [Theory]
    [InlineData("en", "7 December 2026, 00:30")]
    [InlineData("nl", "7 december 2026, 00:30")]
    [InlineData("da", "7. december 2026 kl. 00.30")]
    [InlineData("nb", "7. desember 2026 kl. 00:30")]
    public void Moment_EachLanguage_WritesItsOneDateAndTimeStyle(string language, string expected)
    {
        using var _ = new CultureScope(language);

        Assert.Equal(expected, Amsterdam.Moment(LateEvening));
    }

    [Theory]
    [InlineData("en", "December 2026")]
    [InlineData("nl", "december 2026")]
    [InlineData("da", "december 2026")]
    [InlineData("nb", "desember 2026")]
    public void Month_EachLanguage_WritesTheMonthName(string language, string expected)
    {
        using var _ = new CultureScope(language);

        Assert.Equal(expected, Amsterdam.Month(new DateOnly(2026, 12, 7)));
    }

    [Fact]
    public void Day_UnknownCulture_FallsBackToTheDefaultLanguagesStyle()
    {
        using var _ = new CultureScope("fr");

        Assert.Equal("7 décembre 2026", Amsterdam.Day(new DateOnly(2026, 12, 7)));
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

        public CultureScope(string language) => CultureInfo.CurrentCulture = new CultureInfo(language);

        public void Dispose() => CultureInfo.CurrentCulture = _culture;
    }
}
