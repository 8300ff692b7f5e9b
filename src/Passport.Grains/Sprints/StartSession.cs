using System.Collections.Immutable;

namespace Passport.Grains.Sprints;

/// <summary>
/// What the job seeker grain hands a new session: who plays, in which language, the passport's evidence on the
/// sprint's skills (so selection starts from what is already known), the items seen before (shown last) and
/// the live workshop the player joined, if any, which is told how far they are (never their answers).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StartSession(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string SprintId,
    [property: Id(2)] string Language,
    [property: Id(3)] ImmutableArray<EvidenceItem> Evidence,
    [property: Id(4)] ImmutableArray<string> SeenItems,
    [property: Id(5)] ISprintObserver? Observer,
    [property: Id(6)] Guid? WorkshopId = null);

/// <summary>A stored response reduced to what the estimate needs; the item's model comes from the content.</summary>
[GenerateSerializer, Immutable]
public sealed record EvidenceItem([property: Id(0)] string ItemId, [property: Id(1)] int Category);
