using System.Collections.Immutable;

namespace Passport.Grains.Sprints;

/// <summary>The end of a sprint: the passport's new estimate for each skill of the sprint, with feedback, and the rewards.</summary>
[GenerateSerializer, Immutable]
public sealed record CompletedSprint(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] ImmutableArray<SkillResult> Skills,
    [property: Id(2)] int Xp,
    [property: Id(3)] int TotalXp,
    [property: Id(4)] int Level,
    [property: Id(5)] ImmutableArray<string> Badges,
    [property: Id(6)] ImmutableArray<string> NewBadges,
    [property: Id(7)] string SprintId);

/// <summary>One skill's estimate after the sprint, with one strength and one tip in the session's language.</summary>
[GenerateSerializer, Immutable]
public sealed record SkillResult(
    [property: Id(0)] string SkillId,
    [property: Id(1)] double Estimate,
    [property: Id(2)] double StandardError,
    [property: Id(3)] int Level,
    [property: Id(4)] string Strength,
    [property: Id(5)] string Tip);
