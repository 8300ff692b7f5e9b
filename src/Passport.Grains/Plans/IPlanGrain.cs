using Passport.Domain.Plans;

namespace Passport.Grains.Plans;

/// <summary>
/// A young person's one plan, keyed by the person's id. The grain holds it live and stores every change before it
/// answers (write-through); the rules of who may do what are the plan's own. Callers check first who may see the
/// plan at all (the person themself, or staff through the consent gate).
/// </summary>
public interface IPlanGrain : IGrainWithGuidKey
{
    Task<PlanView> GetAsync();

    /// <summary>The young person words their goal; <paramref name="expectedVersion"/> (when given) must be the plan's version now.</summary>
    Task<PlanResult> SetGoalAsync(PlanActorInfo actor, string? goal, int? expectedVersion);

    /// <summary>A new step: proposed when a professional writes it, agreed when the young person adds it.</summary>
    Task<PlanResult> AddStepAsync(PlanActorInfo actor, NewPlanStep step, int? expectedVersion);

    /// <summary>
    /// Moves a step along its lifecycle, if the move is the actor's to make; agreeing to a referral passes on only
    /// <paramref name="share"/>, the young person's choice.
    /// </summary>
    Task<PlanResult> MoveStepAsync(PlanActorInfo actor, Guid stepId, PlanMove move, int? expectedVersion, IReadOnlyList<ReferralShare>? share = null);

    /// <summary>Records what came of a referral the young person agreed to (went, stayed, helped); either side may.</summary>
    Task<PlanResult> RecordReferralOutcomeAsync(PlanActorInfo actor, Guid stepId, ReferralOutcome outcome, int? expectedVersion);

    /// <summary>Reads the plan from the database again, after a change made there directly (a staff member's name erased).</summary>
    Task ReloadAsync();

    /// <summary>The person's account is being erased: drop the plan from memory (its rows go with the account).</summary>
    Task ForgetAsync();
}
