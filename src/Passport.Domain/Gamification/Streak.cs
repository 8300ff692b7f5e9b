namespace Passport.Domain.Gamification;

/// <summary>Days in a row with at least one finished sprint.</summary>
public static class Streak
{
    /// <summary>
    /// The run of consecutive play days that ends today or yesterday: a streak is not lost until a whole day
    /// passes without play, so someone who played yesterday still sees it in the morning.
    /// </summary>
    public static int Current(IEnumerable<DateOnly> playDays, DateOnly today)
    {
        var days = playDays.ToHashSet();
        var day = days.Contains(today) ? today : today.AddDays(-1);
        var count = 0;
        while (days.Contains(day))
        {
            count++;
            day = day.AddDays(-1);
        }

        return count;
    }

    /// <summary>The longest run ever, so a streak badge once earned is kept.</summary>
    public static int Longest(IEnumerable<DateOnly> playDays)
    {
        var longest = 0;
        var run = 0;
        DateOnly? previous = null;
        foreach (var day in playDays.Distinct().Order())
        {
            run = previous is { } last && last.AddDays(1) == day ? run + 1 : 1;
            longest = Math.Max(longest, run);
            previous = day;
        }

        return longest;
    }
}
