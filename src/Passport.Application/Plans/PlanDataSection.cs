using Passport.Application.People;
using Passport.Application.Privacy;
using Passport.Data.Plans;
using Passport.Grains.Plans;

namespace Passport.Application.Plans;

/// <summary>
/// The person's plan (goal, steps, history) and their contact persons. The rows cascade from the account; the live
/// plan is dropped from memory too, so nothing of it outlives the erasure.
/// </summary>
internal sealed class PlanDataSection(IGrainFactory grains, PlanRepository plans, ContactPersonRepository contactPersons) : IPersonalDataSection
{
    public string Name => "plan";

    public async Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var plan = await grains.GetGrain<IPlanGrain>(userId).GetAsync();
        var people = await contactPersons.ListOfPersonAsync(userId, cancellationToken);
        return new
        {
            plan.Goal,
            plan.Version,
            plan.UpdatedAt,
            Steps = plan.Steps.Select(step => new
            {
                step.Id, step.Title, step.Meaning, step.OwnerName, step.DueOn, Status = step.Status.ToString(), step.CreatedAt, step.UpdatedAt,
                Referral = step.Referral is { } referral
                    ? new
                    {
                        Organisation = referral.OrganisationName,
                        Suggested = referral.Suggested.Select(share => share.ToString()),
                        Shared = referral.Shared?.Select(share => share.ToString()),
                        referral.Went, referral.Stayed, referral.Helped, referral.OutcomeAt,
                    }
                    : null,
            }),
            History = plan.History.Select(entry => new { entry.At, Event = entry.Event.ToString(), entry.StepId, entry.Detail, Side = entry.ActorSide.ToString(), entry.ActorName, entry.OrganisationName }),
            ContactPersons = people.Select(person => new { person.StaffName, person.StaffEmail, person.OrganisationName, person.Since }),
        };
    }

    /// <summary>
    /// The person's own plan goes with the account; a staff member's name goes from the plans of others (which keep
    /// that something happened), and those plans are read again so the live ones no longer hold it either; so does
    /// their name from what people were told about their contact persons and appointments.
    /// </summary>
    public async Task EraseAsync(Guid userId, CancellationToken cancellationToken)
    {
        await contactPersons.ForgetStaffInNoticesAsync(userId, PeopleNotices.Kinds, cancellationToken);
        foreach (var personId in await plans.ForgetStaffAsync(userId, cancellationToken))
        {
            await grains.GetGrain<IPlanGrain>(personId).ReloadAsync();
        }

        await grains.GetGrain<IPlanGrain>(userId).ForgetAsync();
    }
}
