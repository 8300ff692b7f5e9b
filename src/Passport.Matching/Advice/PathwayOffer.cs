namespace Passport.Matching.Advice;

/// <summary>A pathway on offer as advice sees it: what it needs to start and how many levels it adds per skill.</summary>
public sealed record PathwayOffer(
    Guid Id,
    string Title,
    string ProviderName,
    string Place,
    int DurationWeeks,
    IReadOnlyDictionary<string, int> EntryRequirements,
    IReadOnlyDictionary<string, double> Gains);
