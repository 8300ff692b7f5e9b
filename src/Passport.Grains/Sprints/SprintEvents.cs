namespace Passport.Grains.Sprints;

/// <summary>What happened in one step of a session, in the order the player must see it: the acknowledgement, then the next item or the result.</summary>
[GenerateSerializer, Immutable]
public sealed record SprintEvents(
    [property: Id(0)] ScoredAnswer? Scored,
    [property: Id(1)] PresentedItem? Presented,
    [property: Id(2)] CompletedSprint? Completed);
