using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Application.PersonalData;
using Passport.Data.Organisations;
using Passport.Data.Plans;
using Passport.Domain.Consent;
using Passport.Domain.Plans;
using Passport.Domain.Validation;
using Passport.Grains.Plans;

namespace Passport.Application.Plans;

/// <summary>
/// The one plan, for the young person and for the professionals they share it with. The person reaches their own plan
/// only; staff reach someone's plan only through the consent gate (<see cref="IPersonalData"/>), which writes the
/// person's access log before the plan is read and answers the same "not found" for every refusal.
/// </summary>
public sealed class MyPlan(IGrainFactory grains, IPersonalData personalData, OrganisationRepository organisations, ContactPersonRepository contactPersons)
{
    public Task<PlanView> GetMineAsync(ClaimsPrincipal person) => Grain(PersonIdOf(person)).GetAsync();

    public async Task<Outcome<PlanView>> SetGoalAsync(ClaimsPrincipal person, string? goal, int? expectedVersion) =>
        Outcome(await Grain(PersonIdOf(person)).SetGoalAsync(PersonActor(person), goal, expectedVersion));

    public async Task<Outcome<PlanView>> AddMyStepAsync(
        ClaimsPrincipal person, PlanStepInput input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var personId = PersonIdOf(person);
        if (await StepOf(personId, input, cancellationToken) is not { } step)
        {
            return OwnerUnknown();
        }

        return Outcome(await Grain(personId).AddStepAsync(PersonActor(person), step, expectedVersion));
    }

    public async Task<Outcome<PlanView>> MoveMyStepAsync(ClaimsPrincipal person, Guid stepId, PlanMove move, int? expectedVersion) =>
        Outcome(await Grain(PersonIdOf(person)).MoveStepAsync(PersonActor(person), stepId, move, expectedVersion));

    /// <summary>A person's plan for staff: read and logged through the gate; null when the person does not share their plan with the caller's organisation.</summary>
    public async Task<PlanView?> ReadAsync(ClaimsPrincipal staff, Guid personId, AccessChannel channel, CancellationToken cancellationToken = default) =>
        await personalData.ReadAsync(staff, personId, [DataCategory.Plan], channel, cancellationToken) is null
            ? null
            : await Grain(personId).GetAsync();

    /// <summary>A professional proposes a step; the young person agrees or declines it.</summary>
    public async Task<Outcome<PlanView>> ProposeAsync(
        ClaimsPrincipal staff, Guid personId, PlanStepInput input, int? expectedVersion, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        if (await StaffActorAsync(staff, personId, channel, cancellationToken) is not { } actor)
        {
            return PersonNotFound();
        }

        if (await StepOf(personId, input, cancellationToken) is not { } step)
        {
            return OwnerUnknown();
        }

        return Outcome(await Grain(personId).AddStepAsync(actor, step, expectedVersion));
    }

    public async Task<Outcome<PlanView>> MoveAsStaffAsync(
        ClaimsPrincipal staff, Guid personId, Guid stepId, PlanMove move, int? expectedVersion, AccessChannel channel, CancellationToken cancellationToken = default) =>
        await StaffActorAsync(staff, personId, channel, cancellationToken) is { } actor
            ? Outcome(await Grain(personId).MoveStepAsync(actor, stepId, move, expectedVersion))
            : PersonNotFound();

    /// <summary>
    /// The staff member as the plan's history names them, once the gate let them in (and logged it: the answer shows
    /// the plan); null when the person does not share their plan with the caller's organisation.
    /// </summary>
    private async Task<PlanActorInfo?> StaffActorAsync(ClaimsPrincipal staff, Guid personId, AccessChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (await personalData.ReadAsync(staff, personId, [DataCategory.Plan], channel, cancellationToken) is null)
        {
            return null;
        }

        var organisationId = staff.GetOrganisationId()!.Value;
        var organisation = await organisations.FindAsync(organisationId, cancellationToken);
        return new PlanActorInfo(staff.GetUserId()!.Value, PlanSide.Professional, NameOf(staff), organisationId, organisation?.Name);
    }

    /// <summary>The step to store, with the owner's name when a contact person does it; null when that owner is not one of the person's contact persons.</summary>
    private async Task<NewPlanStep?> StepOf(Guid personId, PlanStepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.OwnerUserId is not { } ownerId)
        {
            return new NewPlanStep(input.Title, input.Meaning, null, null, input.DueOn);
        }

        var owner = (await contactPersons.ListOfPersonAsync(personId, cancellationToken)).FirstOrDefault(row => row.StaffUserId == ownerId);
        return owner is null ? null : new NewPlanStep(input.Title, input.Meaning, ownerId, owner.StaffName, input.DueOn);
    }

    private IPlanGrain Grain(Guid personId) => grains.GetGrain<IPlanGrain>(personId);

    private static Guid PersonIdOf(ClaimsPrincipal person) =>
        person?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in job seeker has a plan.");

    private static PlanActorInfo PersonActor(ClaimsPrincipal person) => new(PersonIdOf(person), PlanSide.Person, NameOf(person), null, null);

    private static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(PassportClaims.Name) ?? "";

    private static Outcome<PlanView> PersonNotFound() => Application.Outcome.Fail<PlanView>(OutcomeStatus.NotFound, "Consent.Problem.PersonNotFound");

    private static Outcome<PlanView> OwnerUnknown()
    {
        var errors = new ValidationErrors();
        errors.Add("ownerUserId", "Plan.Step.Owner.Unknown");
        return Application.Outcome.Invalid<PlanView>(errors);
    }

    private static Outcome<PlanView> Outcome(PlanResult result) => result.Refusal switch
    {
        PlanRefusal.None => Application.Outcome.Done(result.Plan),
        PlanRefusal.Invalid => Application.Outcome.Invalid<PlanView>(ErrorsOf(result)),
        PlanRefusal.StepNotFound => Application.Outcome.Fail<PlanView>(OutcomeStatus.NotFound, "Plan.Problem.StepNotFound"),
        PlanRefusal.NotAllowed => Application.Outcome.Fail<PlanView>(OutcomeStatus.Conflict, "Plan.Problem.MoveNotAllowed"),
        PlanRefusal.NotYours => Application.Outcome.Fail<PlanView>(OutcomeStatus.Forbidden, "Plan.Problem.NotYours"),
        PlanRefusal.Stale => Application.Outcome.Fail<PlanView>(OutcomeStatus.Conflict, "Plan.Problem.Stale"),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Refusal, null),
    };

    private static ValidationErrors ErrorsOf(PlanResult result)
    {
        var errors = new ValidationErrors();
        foreach (var error in result.Errors)
        {
            errors.Add(error.Field, error.Code, [.. error.Arguments]);
        }

        return errors;
    }
}
