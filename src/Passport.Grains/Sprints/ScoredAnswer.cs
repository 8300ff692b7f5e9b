namespace Passport.Grains.Sprints;

/// <summary>
/// The acknowledgement of an answer, sent only once it is stored. <see cref="Progress"/> runs from 0 to 1
/// over the sprint's item limit (it jumps to 1 when the sprint ends early because every skill is measured).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScoredAnswer(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] string ItemId,
    [property: Id(2)] int Xp,
    [property: Id(3)] int TotalXp,
    [property: Id(4)] double Progress);
