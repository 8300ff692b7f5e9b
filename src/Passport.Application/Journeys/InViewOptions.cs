using System.ComponentModel.DataAnnotations;
using Passport.Domain.InView;

namespace Passport.Application.Journeys;

/// <summary>Configuration section <c>InView</c>: when a young person who shares their plan with a municipality counts as out of view.</summary>
public sealed class InViewOptions
{
    public const string SectionName = "InView";

    /// <summary>No contact for longer than this puts them on the municipality's worklist.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan NoContactAfter { get; set; } = InViewRules.DefaultNoContactAfter;
}
