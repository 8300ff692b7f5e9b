namespace Passport.Matching.Advice;

/// <summary>A pathway on offer as advice sees it: what it needs to start and how many levels it adds per skill.</summary>
public sealed record PathwayOffer(
    Guid Id,
    string Title,
    string ProviderName,
    string Place,
    int DurationWeeks,
    IReadOnlyDictionary<string, int> EntryRequirements,
    IReadOnlyDictionary<string, double> Gains)
{
    /// <summary>Where it is taught; null when unknown (then it is never too far).</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>The first day of teaching; null when students can start any time. Shown, never ranked on.</summary>
    public DateOnly? StartsOn { get; init; }

    /// <summary>The last day; null when not fixed.</summary>
    public DateOnly? EndsOn { get; init; }
}
