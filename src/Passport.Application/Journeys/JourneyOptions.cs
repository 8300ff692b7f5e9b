using System.ComponentModel.DataAnnotations;
using Passport.Domain.Handovers;
using Passport.Domain.InView;

namespace Passport.Application.Journeys;

/// <summary>
/// Configuration section <c>Handover</c>, as far as the journey reads it: how soon after the young person's consent
/// they must meet their new contact person for a hand-over to count as warm. The hand-over's own options bind the same
/// section; both read the same value.
/// </summary>
public sealed class JourneyHandoverOptions
{
    public const string SectionName = "Handover";

    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan WarmWithin { get; set; } = Handover.DefaultWarmWithin;
}

/// <summary>Configuration section <c>InView</c>: when a young person who shares their plan with a municipality counts as out of view.</summary>
public sealed class InViewOptions
{
    public const string SectionName = "InView";

    /// <summary>No contact for longer than this puts them on the municipality's worklist.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan NoContactAfter { get; set; } = InViewRules.DefaultNoContactAfter;
}
