namespace Passport.Domain.Plans;

/// <summary>Where a step of a plan stands. Done, declined and dropped are final.</summary>
public enum PlanStepStatus
{
    /// <summary>A professional suggested it; the young person has not answered yet.</summary>
    Proposed,

    /// <summary>The young person agreed to it, or added it themself.</summary>
    Agreed,

    InProgress,

    Done,

    /// <summary>The young person said no to a proposal.</summary>
    Declined,

    /// <summary>Stopped before it was done: no longer needed, or a proposal taken back.</summary>
    Dropped,
}
