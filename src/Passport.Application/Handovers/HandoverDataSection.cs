using Passport.Application.Privacy;
using Passport.Data.Handovers;
using Passport.Data.Plans;

namespace Passport.Application.Handovers;

/// <summary>
/// The young person's hand-overs: notes, what travelled, every move. Their rows go with their account (cascade); a
/// staff member's name leaves the histories of other people's hand-overs, and any account's name leaves the hand-over
/// notices others were sent about it.
/// </summary>
internal sealed class HandoverDataSection(HandoverRepository handovers, ContactPersonRepository contactPersons) : IPersonalDataSection
{
    public string Name => "handovers";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken) =>
        (await handovers.ListOfPersonAsync(userId, cancellationToken)).Select(stored => stored.Handover).Select(handover => new
        {
            handover.Id,
            Status = handover.Status.ToString(),
            handover.SendingOrganisationId,
            handover.ReceivingOrganisationId,
            Note = new { handover.Note.Done, handover.Note.Wants, handover.Note.WatchFor },
            TravellingStepIds = handover.TravellingStepIds.Order(),
            handover.ProposedAt,
            handover.ExpiresAt,
            handover.ConsentedAt,
            handover.AcceptedAt,
            handover.MetAt,
            handover.CompletedAt,
            DeclinedBy = handover.DeclinedBy?.ToString(),
            handover.DeclinedReason,
            History = handover.History.Select(entry => new
            {
                entry.At, Status = entry.Status.ToString(), Side = entry.ActorSide?.ToString(), entry.ActorName, entry.OrganisationName, entry.Detail,
            }),
        }).ToList();

    public async Task EraseAsync(Guid userId, CancellationToken cancellationToken)
    {
        await contactPersons.ForgetStaffInNoticesAsync(userId, HandoverNotices.Kinds, cancellationToken);
        await handovers.ForgetStaffAsync(userId, cancellationToken);
    }
}
