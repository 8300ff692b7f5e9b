namespace Passport.Domain.Handovers;

/// <summary>
/// One move of a hand-over: who, when, and the status it reached. <see cref="Detail"/> is the reason given with a
/// decline or withdrawal. Expiry is nobody's move: its actor fields are null. Entries are only ever added;
/// <see cref="ActorUserId"/> is emptied when that account is erased, while the copied name stays.
/// </summary>
public sealed record HandoverHistoryEntry(
    Guid Id,
    DateTimeOffset At,
    HandoverStatus Status,
    Guid? ActorUserId,
    HandoverSide? ActorSide,
    string? ActorName,
    string? OrganisationName,
    string? Detail);
