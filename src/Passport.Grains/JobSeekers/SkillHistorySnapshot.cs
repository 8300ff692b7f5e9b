using System.Collections.Immutable;

namespace Passport.Grains.JobSeekers;

/// <summary>Each measured skill's estimate over time, in the framework's order, as it crosses grain boundaries.</summary>
[GenerateSerializer, Immutable]
public sealed record SkillHistorySnapshot([property: Id(0)] ImmutableArray<SkillHistoryLine> Skills);

/// <summary>One skill's points, oldest first: one per completed sprint session that measured it.</summary>
[GenerateSerializer, Immutable]
public sealed record SkillHistoryLine(
    [property: Id(0)] string SkillId,
    [property: Id(1)] ImmutableArray<SkillHistoryEntry> Points);

/// <summary>The estimate (theta scale), its standard error and level right after a sprint session was completed.</summary>
[GenerateSerializer, Immutable]
public sealed record SkillHistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double Estimate,
    [property: Id(2)] double StandardError,
    [property: Id(3)] int Level);
