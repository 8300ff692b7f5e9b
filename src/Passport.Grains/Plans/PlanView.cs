using Passport.Domain.Plans;

namespace Passport.Grains.Plans;

/// <summary>A plan as it stands: goal, steps in the order they were written, and every change, oldest first.</summary>
[GenerateSerializer, Immutable]
public sealed record PlanView(
    [property: Id(0)] Guid PersonId,
    [property: Id(1)] string? Goal,
    [property: Id(2)] int Version,
    [property: Id(3)] DateTimeOffset? UpdatedAt,
    [property: Id(4)] IReadOnlyList<PlanStepView> Steps,
    [property: Id(5)] IReadOnlyList<PlanHistoryView> History)
{
    public static PlanView From(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(
            plan.PersonId, plan.Goal, plan.Version, plan.UpdatedAt,
            [.. plan.Steps.Select(step => new PlanStepView(
                step.Id, step.Title, step.Meaning, step.OwnerUserId, step.OwnerName, step.DueOn, step.Status, step.CreatedAt, step.UpdatedAt,
                step.Referral is { } referral ? PlanReferralView.From(referral) : null))],
            [.. plan.History.Select(entry => new PlanHistoryView(
                entry.Id, entry.At, entry.Event, entry.StepId, entry.Detail, entry.ActorUserId, entry.ActorSide, entry.ActorName, entry.OrganisationName))]);
    }
}

[GenerateSerializer, Immutable]
public sealed record PlanStepView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Meaning,
    [property: Id(3)] Guid? OwnerUserId,
    [property: Id(4)] string? OwnerName,
    [property: Id(5)] DateOnly? DueOn,
    [property: Id(6)] PlanStepStatus Status,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset UpdatedAt,
    [property: Id(9)] PlanReferralView? Referral = null)
{
    /// <summary>The moves <paramref name="side"/> may make on this step now.</summary>
    public IReadOnlyList<PlanMove> MovesFor(PlanSide side) =>
        Plan.MovesFor(side, new PlanStep(Id, Title, Meaning, OwnerUserId, OwnerName, DueOn, Status, CreatedAt, UpdatedAt));
}

/// <summary>A step's referral to a map organisation: <see cref="Shared"/> null until the young person agreed.</summary>
[GenerateSerializer, Immutable]
public sealed record PlanReferralView(
    [property: Id(0)] Guid OrganisationId,
    [property: Id(1)] string OrganisationName,
    [property: Id(2)] IReadOnlyList<ReferralShare> Suggested,
    [property: Id(3)] IReadOnlyList<ReferralShare>? Shared,
    [property: Id(4)] bool Went,
    [property: Id(5)] bool Stayed,
    [property: Id(6)] bool Helped,
    [property: Id(7)] DateTimeOffset? OutcomeAt)
{
    public static PlanReferralView From(PlanReferral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return new(
            referral.OrganisationId, referral.OrganisationName, referral.Suggested, referral.Shared, referral.Went, referral.Stayed, referral.Helped,
            referral.OutcomeAt);
    }

    public bool IsAgreed => Shared is not null;
}

[GenerateSerializer, Immutable]
public sealed record PlanHistoryView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] PlanEvent Event,
    [property: Id(3)] Guid? StepId,
    [property: Id(4)] string Detail,
    [property: Id(5)] Guid? ActorUserId,
    [property: Id(6)] PlanSide ActorSide,
    [property: Id(7)] string ActorName,
    [property: Id(8)] string? OrganisationName);
