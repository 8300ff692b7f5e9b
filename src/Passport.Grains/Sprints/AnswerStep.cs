namespace Passport.Grains.Sprints;

/// <summary>
/// What an accepted answer leads to, as the answer's own reply: the acknowledgement, then the next item or the
/// result. The same step is pushed to the observer; the reply alone is enough to go on, so a push that never
/// arrives leaves no player waiting.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AnswerStep(
    [property: Id(0)] ScoredAnswer Scored,
    [property: Id(1)] PresentedItem? Next,
    [property: Id(2)] CompletedSprint? Completed);
