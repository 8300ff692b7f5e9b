using Passport.Domain.Sprints;

namespace Passport.Grains.Sprints;

/// <summary>A session as its owner sees it, for resuming and for pages.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionView(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string SprintId,
    [property: Id(2)] string Title,
    [property: Id(3)] SessionStatus Status,
    [property: Id(4)] int MaxItems,
    [property: Id(5)] int Answered,
    [property: Id(6)] PresentedItem? Current,
    [property: Id(7)] CompletedSprint? Completed);
