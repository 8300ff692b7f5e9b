using Passport.Domain.Gamification;

namespace Passport.Domain.Tests.Gamification;

public sealed class GamificationTests
{
    [Theory]
    [InlineData(0, 4, 10)]
    [InlineData(3, 4, 20)]
    [InlineData(1, 2, 20)]
    [InlineData(2, 5, 15)]
    public void ForAnswer_EveryAnswerEarnsAndBetterEarnsMore(int category, int categories, int expected) =>
        Assert.Equal(expected, Xp.ForAnswer(category, categories));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(99, 1)]
    [InlineData(100, 2)]
    [InlineData(299, 2)]
    [InlineData(300, 3)]
    [InlineData(600, 4)]
    public void PlayerLevel_ThresholdsGrowSteadily(int xp, int expected) =>
        Assert.Equal(expected, PlayerLevel.For(xp));

    [Fact]
    public void PlayerLevel_Progress_IsTheShareOfTheWayToTheNextLevel() =>
        Assert.Equal(0.5, PlayerLevel.Progress(200), 3);

    [Fact]
    public void Streak_PlayedYesterdayNotToday_StillCounts()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Equal(2, Streak.Current([today.AddDays(-1), today.AddDays(-2), today.AddDays(-4)], today));
        Assert.Equal(3, Streak.Current([today, today.AddDays(-1), today.AddDays(-2)], today));
        Assert.Equal(0, Streak.Current([today.AddDays(-2)], today));
    }

    [Fact]
    public void Streak_Longest_FindsTheLongestRunEver()
    {
        var start = new DateOnly(2026, 1, 1);

        Assert.Equal(3, Streak.Longest([start, start.AddDays(1), start.AddDays(2), start.AddDays(5), start.AddDays(1)]));
        Assert.Equal(0, Streak.Longest([]));
    }
}
