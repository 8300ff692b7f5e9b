namespace Passport.Domain.Plans;

/// <summary>What happened to a plan; the names are part of the public API (<c>goalSet</c>, <c>stepProposed</c>, …).</summary>
public enum PlanEvent
{
    GoalSet,
    StepAdded,
    StepProposed,
    StepAgreed,
    StepDeclined,
    StepStarted,
    StepDone,
    StepDropped,
    ReferralWent,
    ReferralStayed,
    ReferralHelped,
}

/// <summary>
/// One change of a plan: who, when, what. <see cref="Detail"/> is the goal as it was set, or the step's title at the
/// time, so the history reads on its own. Entries are only ever added; <see cref="ActorUserId"/> is emptied when that
/// account is erased, while the copied name stays.
/// </summary>
public sealed record PlanHistoryEntry(
    Guid Id,
    DateTimeOffset At,
    PlanEvent Event,
    Guid? StepId,
    string Detail,
    Guid? ActorUserId,
    PlanSide ActorSide,
    string ActorName,
    string? OrganisationName)
{
    public static PlanEvent EventOf(PlanMove move) => move switch
    {
        PlanMove.Agree => PlanEvent.StepAgreed,
        PlanMove.Decline => PlanEvent.StepDeclined,
        PlanMove.Start => PlanEvent.StepStarted,
        PlanMove.Finish => PlanEvent.StepDone,
        PlanMove.Drop => PlanEvent.StepDropped,
        _ => throw new ArgumentOutOfRangeException(nameof(move), move, null),
    };

    public static PlanEvent EventOf(ReferralOutcome outcome) => outcome switch
    {
        ReferralOutcome.Went => PlanEvent.ReferralWent,
        ReferralOutcome.Stayed => PlanEvent.ReferralStayed,
        ReferralOutcome.Helped => PlanEvent.ReferralHelped,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
