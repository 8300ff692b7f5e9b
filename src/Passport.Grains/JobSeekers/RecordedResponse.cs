namespace Passport.Grains.JobSeekers;

/// <summary>A response a session has just stored; the passport adds it in memory (the row is the source of truth).</summary>
[GenerateSerializer, Immutable]
public sealed record RecordedResponse(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string SprintId,
    [property: Id(2)] string ItemId,
    [property: Id(3)] int? Category,
    [property: Id(4)] int Xp,
    [property: Id(5)] DateTimeOffset AnsweredAt);
