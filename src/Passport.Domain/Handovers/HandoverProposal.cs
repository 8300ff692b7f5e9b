using Passport.Domain.Validation;

namespace Passport.Domain.Handovers;

/// <summary>
/// A hand-over as the sending contact person writes it: to which organisation (and, when known, to whom there), the
/// note, and which steps of the young person's plan travel with it. No steps means only the goal travels.
/// </summary>
public sealed record HandoverProposal(Guid ReceivingOrganisationId, Guid? ReceivingPersonUserId, HandoverNote? Note, IReadOnlyCollection<Guid>? TravellingStepIds)
{
    /// <summary>
    /// Checks the proposal of someone of <paramref name="sendingOrganisationId"/>; <paramref name="planStepIds"/> are the
    /// steps of the young person's plan, the only ones that can travel. Whether the receiving organisation exists is
    /// for the caller to check.
    /// </summary>
    public ValidationErrors Validate(Guid sendingOrganisationId, IReadOnlyCollection<Guid> planStepIds)
    {
        ArgumentNullException.ThrowIfNull(planStepIds);
        var errors = new ValidationErrors();
        if (ReceivingOrganisationId == Guid.Empty)
        {
            errors.Add("receivingOrganisationId", "Handover.Receiver.Required");
        }
        else if (ReceivingOrganisationId == sendingOrganisationId)
        {
            // Within one organisation the young person keeps their contacts; changing a contact person is no hand-over.
            errors.Add("receivingOrganisationId", "Handover.Receiver.OwnOrganisation");
        }

        if (ReceivingPersonUserId == Guid.Empty)
        {
            errors.Add("receivingPersonUserId", "Handover.ReceivingPerson.Unknown");
        }

        if (Note is null)
        {
            errors.Add("note.done", "Handover.Note.Done.Required");
            errors.Add("note.wants", "Handover.Note.Wants.Required");
        }
        else
        {
            foreach (var error in Note.Validate().Errors)
            {
                errors.Add(error.Field, error.Code, error.Arguments);
            }
        }

        if (TravellingStepIds?.Any(stepId => !planStepIds.Contains(stepId)) == true)
        {
            errors.Add("steps", "Handover.Steps.Unknown");
        }

        return errors;
    }
}
