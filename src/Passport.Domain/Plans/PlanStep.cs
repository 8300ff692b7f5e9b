namespace Passport.Domain.Plans;

/// <summary>
/// One step of a plan. <see cref="OwnerName"/> null means the young person does it; otherwise a named contact person
/// does (their name copied when the step was written; emptied, with <see cref="OwnerUserId"/>, when their account is erased).
/// <see cref="Referral"/>, when set, makes the step a referral to an organisation of the social map.
/// </summary>
public sealed record PlanStep(
    Guid Id,
    string Title,
    string? Meaning,
    Guid? OwnerUserId,
    string? OwnerName,
    DateOnly? DueOn,
    PlanStepStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    PlanReferral? Referral = null)
{
    /// <summary>The moves the lifecycle allows from where the step stands, whoever makes them.</summary>
    public IReadOnlyList<PlanMove> AllowedMoves
    {
        get
        {
            var status = Status;
            return new PlanStepLifecycle(() => status, _ => { }).AllowedMoves;
        }
    }
}
