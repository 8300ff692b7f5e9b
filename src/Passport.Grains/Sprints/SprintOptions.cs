using System.ComponentModel.DataAnnotations;

namespace Passport.Grains.Sprints;

/// <summary>Configuration section <c>Sprints</c>: the rules of play that are policy rather than content.</summary>
public sealed class SprintOptions
{
    public const string SectionName = "Sprints";

    /// <summary>How long after finishing a sprint it can be played again (then with items not yet seen).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan ReplayCooldown { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session left untouched this long expires; its answers stay in the passport.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Allowance on a timed item's limit for the answer's trip over the network.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan TimeLimitGrace { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The calendar used for play days and streaks (IANA id).</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Amsterdam";
}
