using Passport.Domain.Validation;

namespace Passport.Domain.Plans;

/// <summary>Why a plan refused a change.</summary>
public enum PlanRefusal
{
    None,

    /// <summary>The input broke rules; the decision's errors say which.</summary>
    Invalid,

    /// <summary>The plan has no step with that id.</summary>
    StepNotFound,

    /// <summary>The step's lifecycle does not allow the move from where it stands.</summary>
    NotAllowed,

    /// <summary>The move is the other side's to make (only the young person agrees, declines or sets the goal).</summary>
    NotYours,

    /// <summary>The caller saw an older version of the plan.</summary>
    Stale,
}

/// <summary>How a change of a plan went: done, or refused and why.</summary>
public sealed record PlanDecision(PlanRefusal Refusal, ValidationErrors? Errors = null, Guid? StepId = null)
{
    public bool IsDone => Refusal == PlanRefusal.None;
}

/// <summary>
/// A young person's one plan: a goal in their own words and the steps towards it. The rules of who may do what live
/// here: a professional proposes, the young person agrees or declines; a step the young person adds themself starts
/// agreed; either side marks progress or drops an agreed step; a professional may take back a proposal the young
/// person has not answered. Only the young person words the goal. Every change raises <see cref="Version"/> by one and
/// adds to the history; a change made against an older version is refused, so nobody overwrites what they did not see.
/// </summary>
public sealed class Plan
{
    public const int GoalMaxLength = 500;

    private readonly List<PlanStep> _steps;
    private readonly List<PlanHistoryEntry> _history;
    private readonly List<PlanHistoryEntry> _newHistory = [];
    private readonly HashSet<Guid> _changedSteps = [];

    private Plan(Guid personId, string? goal, int version, DateTimeOffset? updatedAt, IEnumerable<PlanStep> steps, IEnumerable<PlanHistoryEntry> history)
    {
        PersonId = personId;
        Goal = goal;
        Version = version;
        UpdatedAt = updatedAt;
        _steps = [.. steps];
        _history = [.. history];
    }

    public Guid PersonId { get; }

    public string? Goal { get; private set; }

    /// <summary>0 while nothing was ever stored; one more with every change.</summary>
    public int Version { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>The steps in the order they were written.</summary>
    public IReadOnlyList<PlanStep> Steps => _steps;

    /// <summary>Every change, oldest first.</summary>
    public IReadOnlyList<PlanHistoryEntry> History => _history;

    /// <summary>History entries added since the plan was loaded or last saved.</summary>
    public IReadOnlyList<PlanHistoryEntry> NewHistory => _newHistory;

    /// <summary>Steps added or moved since the plan was loaded or last saved.</summary>
    public IReadOnlyList<PlanStep> ChangedSteps => [.. _steps.Where(step => _changedSteps.Contains(step.Id))];

    /// <summary>The plan of someone who has none yet: no goal, no steps, version 0.</summary>
    public static Plan Empty(Guid personId) => new(personId, null, 0, null, [], []);

    /// <summary>A stored plan, as it was saved.</summary>
    public static Plan Restore(
        Guid personId, string? goal, int version, DateTimeOffset? updatedAt, IEnumerable<PlanStep> steps, IEnumerable<PlanHistoryEntry> history) =>
        new(personId, goal, version, updatedAt, steps, history);

    /// <summary>After the changes were stored: nothing is new any more.</summary>
    public void MarkSaved()
    {
        _newHistory.Clear();
        _changedSteps.Clear();
    }

    /// <summary>The young person words their goal; an empty goal is refused (the goal is what the plan is for).</summary>
    public PlanDecision SetGoal(PlanActor actor, string? goal, int? expectedVersion, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Refuse(actor, expectedVersion, PlanSide.Person) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        var text = goal?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("goal", "Plan.Goal.Required");
        }
        else if (text.Length > GoalMaxLength)
        {
            errors.Add("goal", "Plan.Goal.TooLong", GoalMaxLength);
        }

        if (!errors.IsValid)
        {
            return new PlanDecision(PlanRefusal.Invalid, errors);
        }

        Goal = text;
        Record(actor, at, PlanEvent.GoalSet, null, text!);
        return new PlanDecision(PlanRefusal.None);
    }

    /// <summary>A new step: proposed when a professional writes it, agreed when the young person adds it themself.</summary>
    public PlanDecision AddStep(PlanActor actor, Guid stepId, PlanStepDraft draft, int? expectedVersion, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        if (Refuse(actor, expectedVersion, null) is { } refused)
        {
            return refused;
        }

        var errors = draft.Validate();
        if (!errors.IsValid)
        {
            return new PlanDecision(PlanRefusal.Invalid, errors);
        }

        var byPerson = actor.Side == PlanSide.Person;
        // A young person who adds a referral themself chooses what to share as they add it; a proposal shares nothing yet.
        var referral = draft.Referral is { } asked
            ? new PlanReferral(asked.OrganisationId, asked.OrganisationName, [.. asked.Share.Distinct()], byPerson ? [.. asked.Share.Distinct()] : null, false, false, false, null)
            : null;
        var step = new PlanStep(
            stepId, draft.Title!.Trim(), string.IsNullOrWhiteSpace(draft.Meaning) ? null : draft.Meaning.Trim(),
            draft.OwnerUserId, draft.OwnerUserId is null ? null : draft.OwnerName!.Trim(), draft.DueOn,
            byPerson ? PlanStepStatus.Agreed : PlanStepStatus.Proposed, at, at, referral);
        _steps.Add(step);
        _changedSteps.Add(stepId);
        Record(actor, at, byPerson ? PlanEvent.StepAdded : PlanEvent.StepProposed, stepId, step.Title);
        return new PlanDecision(PlanRefusal.None, StepId: stepId);
    }

    /// <summary>Whether <paramref name="side"/> may make <paramref name="move"/> on a step standing at <paramref name="status"/> (the lifecycle aside).</summary>
    public static bool MayMake(PlanSide side, PlanMove move, PlanStepStatus status) => move switch
    {
        PlanMove.Agree or PlanMove.Decline => side == PlanSide.Person,
        // The young person says no to a proposal by declining it; taking a proposal back is for the professionals.
        PlanMove.Drop when status == PlanStepStatus.Proposed => side == PlanSide.Professional,
        _ => true,
    };

    /// <summary>The moves <paramref name="side"/> may make on <paramref name="step"/> now: allowed by its lifecycle and theirs to make.</summary>
    public static IReadOnlyList<PlanMove> MovesFor(PlanSide side, PlanStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return [.. step.AllowedMoves.Where(move => MayMake(side, move, step.Status))];
    }

    /// <summary>
    /// Moves a step along its lifecycle, if the move is the actor's to make. Agreeing to a referral passes on only what
    /// the young person chose in <paramref name="share"/> (nothing when they chose nothing).
    /// </summary>
    public PlanDecision MoveStep(PlanActor actor, Guid stepId, PlanMove move, int? expectedVersion, DateTimeOffset at, IReadOnlyList<ReferralShare>? share = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Refuse(actor, expectedVersion, null) is { } refused)
        {
            return refused;
        }

        var index = _steps.FindIndex(step => step.Id == stepId);
        if (index < 0)
        {
            return new PlanDecision(PlanRefusal.StepNotFound);
        }

        var step = _steps[index];
        var status = step.Status;
        var lifecycle = new PlanStepLifecycle(() => status, value => status = value);
        if (!lifecycle.CanMake(move))
        {
            return new PlanDecision(PlanRefusal.NotAllowed, StepId: stepId);
        }

        if (!MayMake(actor.Side, move, step.Status))
        {
            return new PlanDecision(PlanRefusal.NotYours, StepId: stepId);
        }

        lifecycle.Make(move);
        var referral = move == PlanMove.Agree && step.Referral is { } asked ? asked with { Shared = [.. (share ?? []).Distinct()] } : step.Referral;
        _steps[index] = step with { Status = status, UpdatedAt = at, Referral = referral };
        _changedSteps.Add(stepId);
        Record(actor, at, PlanHistoryEntry.EventOf(move), stepId, step.Title);
        return new PlanDecision(PlanRefusal.None, StepId: stepId);
    }

    /// <summary>
    /// Records what came of a referral the young person agreed to; either side may. A step that is no referral is not
    /// found as one; a referral not agreed to (or declined, or dropped) has no outcome.
    /// </summary>
    public PlanDecision RecordReferralOutcome(PlanActor actor, Guid stepId, ReferralOutcome outcome, int? expectedVersion, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Refuse(actor, expectedVersion, null) is { } refused)
        {
            return refused;
        }

        var index = _steps.FindIndex(step => step.Id == stepId && step.Referral is not null);
        if (index < 0)
        {
            return new PlanDecision(PlanRefusal.StepNotFound);
        }

        var step = _steps[index];
        if (!step.Referral!.IsAgreed || step.Status is not (PlanStepStatus.Agreed or PlanStepStatus.InProgress or PlanStepStatus.Done))
        {
            return new PlanDecision(PlanRefusal.NotAllowed, StepId: stepId);
        }

        _steps[index] = step with { Referral = step.Referral.With(outcome, at), UpdatedAt = at };
        _changedSteps.Add(stepId);
        Record(actor, at, PlanHistoryEntry.EventOf(outcome), stepId, step.Title);
        return new PlanDecision(PlanRefusal.None, StepId: stepId);
    }

    private PlanDecision? Refuse(PlanActor actor, int? expectedVersion, PlanSide? onlySide)
    {
        if (actor.Side == PlanSide.Person && actor.UserId != PersonId)
        {
            throw new InvalidOperationException("Only the owner of a plan acts on it as the person.");
        }

        if (expectedVersion is { } expected && expected != Version)
        {
            return new PlanDecision(PlanRefusal.Stale);
        }

        return onlySide is { } side && actor.Side != side ? new PlanDecision(PlanRefusal.NotYours) : null;
    }

    private void Record(PlanActor actor, DateTimeOffset at, PlanEvent planEvent, Guid? stepId, string detail)
    {
        var entry = new PlanHistoryEntry(
            Guid.CreateVersion7(at), at, planEvent, stepId, detail, actor.UserId, actor.Side, actor.Name, actor.OrganisationName);
        _history.Add(entry);
        _newHistory.Add(entry);
        Version++;
        UpdatedAt = at;
    }
}
