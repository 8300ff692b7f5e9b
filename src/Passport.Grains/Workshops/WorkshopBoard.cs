using System.Collections.Immutable;
using Passport.Domain.Workshops;

namespace Passport.Grains.Workshops;

/// <summary>What the coach's board shows: the workshop and each participant's progress, in order of joining.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkshopBoard(
    [property: Id(0)] Guid WorkshopId,
    [property: Id(1)] string Title,
    [property: Id(2)] string JoinCode,
    [property: Id(3)] WorkshopStatus Status,
    [property: Id(4)] ImmutableArray<ParticipantProgress> Participants);

/// <summary>
/// One participant on the board: their first name, the sprint they play now (null before the first), how many of
/// up to <see cref="MaxItems"/> questions they answered, the sprints they finished during the workshop, and whether
/// they are playing, paused, finished or stopped (<see cref="Activity"/>, the one source of the status shown).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ParticipantProgress(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string? SprintId,
    [property: Id(3)] int Answered,
    [property: Id(4)] int MaxItems,
    [property: Id(5)] bool SprintCompleted,
    [property: Id(6)] ImmutableArray<string> CompletedSprints,
    [property: Id(7)] ParticipantActivity Activity);
