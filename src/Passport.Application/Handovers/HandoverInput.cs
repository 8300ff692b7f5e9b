namespace Passport.Application.Handovers;

/// <summary>A hand-over as the sending contact person fills it in, unchecked.</summary>
public sealed record HandoverInput(
    Guid? ReceivingOrganisationId, Guid? ReceivingPersonUserId, string? Done, string? Wants, string? WatchFor, IReadOnlyList<Guid>? StepIds);
