using System.Collections.Immutable;

namespace Passport.Grains.JobSeekers;

/// <summary>The job seeker's passport as it crosses grain boundaries, ready for the API and pages.</summary>
[GenerateSerializer, Immutable]
public sealed record PassportSnapshot(
    [property: Id(0)] ImmutableArray<PassportSkillSnapshot> Skills,
    [property: Id(1)] int TotalXp,
    [property: Id(2)] int Level,
    [property: Id(3)] double LevelProgress,
    [property: Id(4)] ImmutableArray<string> Badges,
    [property: Id(5)] int StreakDays,
    [property: Id(6)] int CompletedSprints,
    [property: Id(7)] ImmutableArray<OpenSession> OpenSessions,
    [property: Id(8)] ImmutableDictionary<string, DateTimeOffset> ReplayableAt);

/// <summary>One measured skill: the estimate on the theta scale, its standard error, its level and the evidence behind it.</summary>
[GenerateSerializer, Immutable]
public sealed record PassportSkillSnapshot(
    [property: Id(0)] string SkillId,
    [property: Id(1)] double Estimate,
    [property: Id(2)] double StandardError,
    [property: Id(3)] int Level,
    [property: Id(4)] int EvidenceCount,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] ImmutableArray<string> Sprints);

/// <summary>A session that can be continued.</summary>
[GenerateSerializer, Immutable]
public sealed record OpenSession([property: Id(0)] Guid SessionId, [property: Id(1)] string SprintId);
