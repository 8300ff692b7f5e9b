using Passport.Domain.Reminders;

namespace Passport.Domain.Tests.Reminders;

public sealed class ReminderPolicyTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private static readonly TimeSpan[] Defaults = [TimeSpan.FromDays(1), TimeSpan.FromHours(2)];

    /// <summary>A moment on Amsterdam's clock in December (UTC+1).</summary>
    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(1));

    private static IReadOnlyList<ReminderDue> Plan(DateTimeOffset startsAt, DateTimeOffset now, IEnumerable<TimeSpan>? leads = null, QuietHours? quiet = null) =>
        ReminderPolicy.Plan(startsAt, now, leads ?? Defaults, quiet ?? QuietHours.Night, Amsterdam);

    [Fact]
    public void Plan_DaytimeAppointment_OneReminderPerLeadEarliestFirst()
    {
        var plan = Plan(Local(10, 14), Local(1, 9));

        Assert.Equal([new ReminderDue(TimeSpan.FromDays(1), Local(9, 14)), new ReminderDue(TimeSpan.FromHours(2), Local(10, 12))], plan);
    }

    [Fact]
    public void Plan_DueInTheEvening_WaitsUntilTheMorning()
    {
        // The day-ahead reminder of a 23:30 appointment would go at 23:30 the evening before.
        var plan = Plan(Local(10, 23, 30), Local(1, 9), [TimeSpan.FromDays(1)]);

        Assert.Equal([new ReminderDue(TimeSpan.FromDays(1), Local(10, 8))], plan);
    }

    [Fact]
    public void Plan_DueInTheEarlyMorning_WaitsUntilEightTheSameDay()
    {
        var plan = Plan(Local(10, 11), Local(1, 9), [TimeSpan.FromHours(5)]);

        Assert.Equal([new ReminderDue(TimeSpan.FromHours(5), Local(10, 8))], plan);
    }

    [Fact]
    public void Plan_MorningWouldBeAtOrAfterTheStart_SendsAtItsOwnTimeAsUrgent()
    {
        var atEight = Plan(Local(10, 8), Local(1, 9), [TimeSpan.FromHours(2)]);
        var early = Plan(Local(10, 7, 30), Local(1, 9), [TimeSpan.FromHours(2)]);

        Assert.Equal([new ReminderDue(TimeSpan.FromHours(2), Local(10, 6))], atEight);
        Assert.Equal([new ReminderDue(TimeSpan.FromHours(2), Local(10, 5, 30))], early);
    }

    [Fact]
    public void Plan_PushedTogetherByTheQuietHours_KeepsTheShorterLead()
    {
        // For 10:00, a 12-hour reminder at 22:00 and a 3-hour one at 07:00 both move to 08:00.
        var plan = Plan(Local(10, 10), Local(1, 9), [TimeSpan.FromHours(12), TimeSpan.FromHours(3)]);

        Assert.Equal([new ReminderDue(TimeSpan.FromHours(3), Local(10, 8))], plan);
    }

    [Fact]
    public void Plan_NoQuietHours_SendsAtNight()
    {
        var plan = ReminderPolicy.Plan(Local(10, 9), Local(1, 9), [TimeSpan.FromHours(8)], null, Amsterdam);

        Assert.Equal([new ReminderDue(TimeSpan.FromHours(8), Local(10, 1))], plan);
    }

    [Fact]
    public void Plan_DueTimesAlreadyPast_AreSkippedWithNoReminderNow()
    {
        var someLeft = Plan(Local(10, 14), Local(10, 9));
        var noneLeft = Plan(Local(10, 14), Local(10, 13));

        Assert.Equal([new ReminderDue(TimeSpan.FromHours(2), Local(10, 12))], someLeft);
        Assert.Empty(noneLeft);
    }

    [Fact]
    public void Plan_ShortLeadBookedJustAhead_OneReminderAtTheLead()
    {
        var now = Local(10, 12);

        var plan = Plan(now.AddMinutes(3), now, [TimeSpan.FromMinutes(2)]);

        Assert.Equal([new ReminderDue(TimeSpan.FromMinutes(2), now.AddMinutes(1))], plan);
    }

    [Fact]
    public void Plan_DuplicateOrNonPositiveLeads_AreIgnored()
    {
        var plan = Plan(Local(10, 14), Local(1, 9), [TimeSpan.FromHours(2), TimeSpan.FromHours(2), TimeSpan.Zero, TimeSpan.FromHours(-1)]);

        Assert.Equal([new ReminderDue(TimeSpan.FromHours(2), Local(10, 12))], plan);
    }

    [Fact]
    public void Plan_QuietHoursEndOnTheDayTheClockGoesForward_EndAtLocalEight()
    {
        // 29 March 2026: 02:00 becomes 03:00 in Amsterdam (UTC+1 to UTC+2).
        var startsAt = new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.FromHours(2));

        var plan = ReminderPolicy.Plan(startsAt, startsAt.AddDays(-3), [TimeSpan.FromHours(10)], QuietHours.Night, Amsterdam);

        Assert.Equal([new ReminderDue(TimeSpan.FromHours(10), new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.FromHours(2)))], plan);
    }

    [Theory]
    [InlineData("22:00-08:00", true)]
    [InlineData(" 13:00 - 14:30 ", true)]
    [InlineData("22:00", false)]
    [InlineData("22:00-22:00", false)]
    [InlineData("25:00-08:00", false)]
    [InlineData("10pm-8am", false)]
    [InlineData("", false)]
    public void TryParse_Text_ReadsOnlyTwoDifferentTimes(string text, bool readable) =>
        Assert.Equal(readable, QuietHours.TryParse(text, out _));

    [Fact]
    public void Contains_DaytimeSpan_DoesNotCrossMidnight()
    {
        Assert.True(QuietHours.TryParse("13:00-14:00", out var lunch));

        Assert.True(lunch!.Contains(new TimeOnly(13, 0)));
        Assert.False(lunch.Contains(new TimeOnly(14, 0)));
        Assert.False(lunch.Contains(new TimeOnly(23, 0)));
        Assert.Equal(Local(10, 14), lunch.NextAllowed(Local(10, 13, 30), Amsterdam));
    }
}
