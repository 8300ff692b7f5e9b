namespace Passport.Grains.Sprints;

/// <summary>
/// What <c>StartSprint</c> answers: the session and, for a new one, its first item (<see cref="First"/>), which is
/// also pushed. For a session handed back to resume it is null; resuming presents the current item.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SessionStarted(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string SprintId,
    [property: Id(2)] string Title,
    [property: Id(3)] int MaxItems,
    [property: Id(4)] PresentedItem? First = null);
