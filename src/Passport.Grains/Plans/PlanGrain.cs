using System.Globalization;
using Passport.Data.Plans;
using Passport.Domain.Plans;

namespace Passport.Grains.Plans;

/// <summary>
/// One young person's plan: loaded on activation, every change stored before it is acknowledged (write-through), so a
/// crash or a move to another silo loses nothing. The plan decides; the grain only loads, saves and answers.
/// </summary>
public sealed class PlanGrain(PlanRepository repository, TimeProvider time) : Grain, IPlanGrain
{
    private Plan _plan = default!;

    private Guid PersonId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _plan = await repository.LoadAsync(PersonId, cancellationToken);

    public Task<PlanView> GetAsync() => Task.FromResult(PlanView.From(_plan));

    public Task<PlanResult> SetGoalAsync(PlanActorInfo actor, string? goal, int? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(plan => plan.SetGoal(actor.ToActor(), goal, expectedVersion, time.GetUtcNow()));
    }

    public Task<PlanResult> AddStepAsync(PlanActorInfo actor, NewPlanStep step, int? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(step);
        var at = time.GetUtcNow();
        return ChangeAsync(plan => plan.AddStep(actor.ToActor(), Guid.CreateVersion7(at), step.ToDraft(), expectedVersion, at));
    }

    public Task<PlanResult> MoveStepAsync(PlanActorInfo actor, Guid stepId, PlanMove move, int? expectedVersion, IReadOnlyList<ReferralShare>? share = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(plan => plan.MoveStep(actor.ToActor(), stepId, move, expectedVersion, time.GetUtcNow(), share));
    }

    public Task<PlanResult> RecordReferralOutcomeAsync(PlanActorInfo actor, Guid stepId, ReferralOutcome outcome, int? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ChangeAsync(plan => plan.RecordReferralOutcome(actor.ToActor(), stepId, outcome, expectedVersion, time.GetUtcNow()));
    }

    public async Task ReloadAsync() => _plan = await repository.LoadAsync(PersonId);

    public Task ForgetAsync()
    {
        _plan = Plan.Empty(PersonId);
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private async Task<PlanResult> ChangeAsync(Func<Plan, PlanDecision> change)
    {
        var loadedVersion = _plan.Version;
        var decision = change(_plan);
        if (!decision.IsDone)
        {
            return Result(decision);
        }

        bool saved;
        try
        {
            saved = await repository.SaveAsync(_plan, loadedVersion);
        }
        catch
        {
            // The change is in memory but perhaps not stored: start over from the database on the next call.
            DeactivateOnIdle();
            throw;
        }

        if (!saved)
        {
            // The row no longer says what this grain holds (another silo during a split, or a manual edit): reload and refuse.
            _plan = await repository.LoadAsync(PersonId);
            return Result(new PlanDecision(PlanRefusal.Stale));
        }

        _plan.MarkSaved();
        return Result(decision);
    }

    private PlanResult Result(PlanDecision decision) =>
        new(
            decision.Refusal,
            PlanView.From(_plan),
            [.. (decision.Errors?.Errors ?? []).Select(error => new PlanRuleBroken(
                error.Field, error.Code, [.. error.Arguments.Select(argument => Convert.ToString(argument, CultureInfo.InvariantCulture) ?? "")]))],
            decision.StepId);
}
