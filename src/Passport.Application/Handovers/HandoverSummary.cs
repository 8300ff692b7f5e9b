using Passport.Domain.Handovers;

namespace Passport.Application.Handovers;

/// <summary>A plan step that travels with the young person, as it is titled in their plan now.</summary>
public sealed record TravellingStep(Guid Id, string Title, string? Meaning);

/// <summary>
/// A hand-over as one of its parties sees it: the hand-over itself, the names of everyone in it (as they are now),
/// the plan steps that travel, which side the viewer stands on, whether it was warm, and until when the sending side
/// keeps its access.
/// </summary>
public sealed record HandoverSummary(
    Handover Handover,
    HandoverSide ViewerSide,
    string PersonName,
    string SendingOrganisationName,
    string ReceivingOrganisationName,
    string? SendingContactName,
    string? ReceivingPersonName,
    string? NewContactName,
    IReadOnlyList<TravellingStep> Steps,
    bool IsWarm,
    DateTimeOffset? SendingAccessUntil);
