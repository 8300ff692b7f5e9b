namespace Passport.Grains.JobSeekers;

/// <summary>A session has been stored as completed.</summary>
[GenerateSerializer, Immutable]
public sealed record SprintFinished(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string SprintId,
    [property: Id(2)] DateTimeOffset CompletedAt,
    [property: Id(3)] int BonusXp);
