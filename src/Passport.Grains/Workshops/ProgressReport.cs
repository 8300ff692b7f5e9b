using Passport.Domain.Sprints;

namespace Passport.Grains.Workshops;

/// <summary>
/// Where a participant's sprint session stands, for the board: counts and status only, never an answer.
/// <see cref="Version"/> is the session row's version, so a late report never steps the board back.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ProgressReport(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] Guid SessionId,
    [property: Id(2)] string SprintId,
    [property: Id(3)] int Answered,
    [property: Id(4)] int MaxItems,
    [property: Id(5)] SessionStatus Status,
    [property: Id(6)] int Version);
