using System.ComponentModel.DataAnnotations;
using Passport.Domain.Handovers;

namespace Passport.Application.Handovers;

/// <summary>Configuration section <c>Handover</c>: how long warm hand-overs take and what the sending side keeps (docs/operations.md).</summary>
public sealed class HandoverOptions
{
    public const string SectionName = "Handover";

    /// <summary>How long the sending organisation keeps plan access after a hand-over completed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan Overlap { get; set; } = Handover.DefaultOverlap;

    /// <summary>A hand-over is warm when the new contact person met the young person within this long of their consent.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan WarmWithin { get; set; } = Handover.DefaultWarmWithin;

    /// <summary>How long a hand-over may take from proposal to completion before it expires.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan Lifetime { get; set; } = Handover.DefaultLifetime;

    /// <summary>How often each host looks for hand-overs whose lifetime has passed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Hand-overs expired per round.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 50;
}
