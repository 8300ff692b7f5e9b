using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Application.PersonalData;
using Passport.Data.Organisations;
using Passport.Data.Plans;
using Passport.Domain.Consent;
using Passport.Application.SocialMap;
using Passport.Domain.Plans;
using Passport.Domain.SocialMap;
using Passport.Domain.Validation;
using Passport.Grains.Plans;

namespace Passport.Application.Plans;

/// <summary>
/// The one plan, for the young person and for the professionals they share it with. The person reaches their own plan
/// only; staff reach someone's plan only through the consent gate (<see cref="IPersonalData"/>), which writes the
/// person's access log before the plan is read and answers the same "not found" for every refusal.
/// </summary>
public sealed class MyPlan(
    IGrainFactory grains, IPersonalData personalData, OrganisationRepository organisations, ContactPersonRepository contactPersons, SocialMapDesk socialMap)
{
    public Task<PlanView> GetMineAsync(ClaimsPrincipal person) => Grain(PersonIdOf(person)).GetAsync();

    public async Task<Outcome<PlanView>> SetGoalAsync(ClaimsPrincipal person, string? goal, int? expectedVersion) =>
        Outcome(await Grain(PersonIdOf(person)).SetGoalAsync(PersonActor(person), goal, expectedVersion));

    public async Task<Outcome<PlanView>> AddMyStepAsync(
        ClaimsPrincipal person, PlanStepInput input, int? expectedVersion, CancellationToken cancellationToken = default)
    {
        var personId = PersonIdOf(person);
        var step = await StepOf(personId, input, cancellationToken);
        return step.IsDone ? Outcome(await Grain(personId).AddStepAsync(PersonActor(person), step.Value!, expectedVersion)) : step.As<PlanView>();
    }

    /// <summary>
    /// Moves one of the young person's own steps; agreeing to a referral shares only what they chose in
    /// <paramref name="share"/> (<c>name</c>, <c>phone</c>, <c>email</c>; nothing when empty).
    /// </summary>
    public async Task<Outcome<PlanView>> MoveMyStepAsync(ClaimsPrincipal person, Guid stepId, PlanMove move, int? expectedVersion, IReadOnlyList<string>? share = null)
    {
        if (SharesOf(share) is not { } chosen)
        {
            return Application.Outcome.Invalid<PlanView>(ShareUnknown("share"));
        }

        return Outcome(await Grain(PersonIdOf(person)).MoveStepAsync(PersonActor(person), stepId, move, expectedVersion, chosen));
    }

    /// <summary>The young person records what came of a referral they agreed to.</summary>
    public async Task<Outcome<PlanView>> RecordMyOutcomeAsync(ClaimsPrincipal person, Guid stepId, string? outcome, int? expectedVersion) =>
        OutcomeOf(outcome) is { } parsed
            ? Outcome(await Grain(PersonIdOf(person)).RecordReferralOutcomeAsync(PersonActor(person), stepId, parsed, expectedVersion))
            : OutcomeUnknown();

    /// <summary>A professional who holds the person's plan consent records what came of a referral.</summary>
    public async Task<Outcome<PlanView>> RecordOutcomeAsStaffAsync(
        ClaimsPrincipal staff, Guid personId, Guid stepId, string? outcome, int? expectedVersion, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        if (await StaffActorAsync(staff, personId, channel, cancellationToken) is not { } actor)
        {
            return PersonNotFound();
        }

        return OutcomeOf(outcome) is { } parsed
            ? Outcome(await Grain(personId).RecordReferralOutcomeAsync(actor, stepId, parsed, expectedVersion))
            : OutcomeUnknown();
    }

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

        var step = await StepOf(personId, input, cancellationToken);
        return step.IsDone ? Outcome(await Grain(personId).AddStepAsync(actor, step.Value!, expectedVersion)) : step.As<PlanView>();
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

    /// <summary>
    /// The step to store, with the owner's name when a contact person does it and the organisation's name when it is a
    /// referral; a broken rule when that owner is not one of the person's contact persons, or the organisation is not
    /// a listed one of the social map, or a share is unknown.
    /// </summary>
    private async Task<Outcome<NewPlanStep>> StepOf(Guid personId, PlanStepInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        string? ownerName = null;
        if (input.OwnerUserId is { } ownerId)
        {
            ownerName = (await contactPersons.ListOfPersonAsync(personId, cancellationToken)).FirstOrDefault(row => row.StaffUserId == ownerId)?.StaffName;
            if (ownerName is null)
            {
                errors.Add("ownerUserId", "Plan.Step.Owner.Unknown");
            }
        }

        NewReferral? referral = null;
        if (input.Referral is { } asked)
        {
            var share = SharesOf(asked.Share);
            if (share is null)
            {
                errors.Add("referral.share", "Plan.Referral.Share.Unknown");
            }

            var organisation = asked.OrganisationId is { } organisationId ? await socialMap.FindListedAsync(organisationId, cancellationToken) : null;
            if (organisation is null)
            {
                errors.Add("referral.organisationId", "Plan.Referral.Organisation.Unknown");
            }
            else if (share is not null)
            {
                referral = new NewReferral(organisation.Id, organisation.Name, share);
            }
        }

        return errors.IsValid
            ? Application.Outcome.Done(new NewPlanStep(input.Title, input.Meaning, input.OwnerUserId, ownerName, input.DueOn, referral))
            : Application.Outcome.Invalid<NewPlanStep>(errors);
    }

    /// <summary>The shares by their API names (<c>name</c>, <c>phone</c>, <c>email</c>); none when not given, null when one is unknown.</summary>
    private static ReferralShare[]? SharesOf(IReadOnlyList<string>? names)
    {
        var shares = new List<ReferralShare>();
        foreach (var name in names ?? [])
        {
            if (!SocialMapNames.TryParse<ReferralShare>(name, out var share))
            {
                return null;
            }

            shares.Add(share);
        }

        return [.. shares.Distinct()];
    }

    private static ReferralOutcome? OutcomeOf(string? name) => SocialMapNames.TryParse<ReferralOutcome>(name, out var outcome) ? outcome : null;

    private static ValidationErrors ShareUnknown(string field)
    {
        var errors = new ValidationErrors();
        errors.Add(field, "Plan.Referral.Share.Unknown");
        return errors;
    }

    private static Outcome<PlanView> OutcomeUnknown()
    {
        var errors = new ValidationErrors();
        errors.Add("outcome", "Plan.Referral.Outcome.Unknown");
        return Application.Outcome.Invalid<PlanView>(errors);
    }

    private IPlanGrain Grain(Guid personId) => grains.GetGrain<IPlanGrain>(personId);

    private static Guid PersonIdOf(ClaimsPrincipal person) =>
        person?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in job seeker has a plan.");

    private static PlanActorInfo PersonActor(ClaimsPrincipal person) => new(PersonIdOf(person), PlanSide.Person, NameOf(person), null, null);

    private static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(PassportClaims.Name) ?? "";

    private static Outcome<PlanView> PersonNotFound() => Application.Outcome.Fail<PlanView>(OutcomeStatus.NotFound, "Consent.Problem.PersonNotFound");

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
