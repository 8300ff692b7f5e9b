using System.Collections.Immutable;

namespace Passport.Grains.JobSeekers;

/// <summary>XP, level and badges after a sprint; <see cref="NewBadges"/> are the ones this sprint earned.</summary>
[GenerateSerializer, Immutable]
public sealed record PassportTotals(
    [property: Id(0)] int TotalXp,
    [property: Id(1)] int Level,
    [property: Id(2)] ImmutableArray<string> Badges,
    [property: Id(3)] ImmutableArray<string> NewBadges);
