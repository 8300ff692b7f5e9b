namespace Passport.Grains.Sprints;

/// <summary>What <c>StartSprint</c> answers; the first item follows as a push.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionStarted(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string SprintId,
    [property: Id(2)] string Title,
    [property: Id(3)] int MaxItems);
