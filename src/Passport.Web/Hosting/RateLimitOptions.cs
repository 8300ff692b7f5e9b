using System.ComponentModel.DataAnnotations;

namespace Passport.Web.Hosting;

/// <summary>Configuration section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-up and sign-in attempts per client address per minute; slows password guessing across accounts.</summary>
    [Range(1, 1_000_000)]
    public int AuthPermitsPerMinute { get; set; } = 30;

    /// <summary>Opens of share links (API and page) per client address per minute; tokens are unguessable, this keeps it so.</summary>
    [Range(1, 1_000_000)]
    public int ShareLinkPermitsPerMinute { get; set; } = 60;

    /// <summary>
    /// Reads of calendar feeds per client address per minute. Phone calendars poll a feed every few minutes to hours;
    /// this leaves room for many subscribers behind one address while tokens cannot be tried at speed.
    /// </summary>
    [Range(1, 1_000_000)]
    public int CalendarFeedPermitsPerMinute { get; set; } = 60;

    /// <summary>
    /// Candidate lists (API and page) per employer organisation per minute, whoever of its staff asks: each list
    /// reads many people's passports, so an organisation cannot harvest the pool by asking again and again.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MatchPermitsPerMinute { get; set; } = 30;
}
