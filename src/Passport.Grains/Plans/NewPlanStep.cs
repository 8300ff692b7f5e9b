using Passport.Domain.Plans;

namespace Passport.Grains.Plans;

/// <summary>A step as someone wrote it; the owner, when a contact person, was checked by the caller.</summary>
[GenerateSerializer, Immutable]
public sealed record NewPlanStep(
    [property: Id(0)] string? Title,
    [property: Id(1)] string? Meaning,
    [property: Id(2)] Guid? OwnerUserId,
    [property: Id(3)] string? OwnerName,
    [property: Id(4)] DateOnly? DueOn)
{
    public PlanStepDraft ToDraft() => new(Title, Meaning, OwnerUserId, OwnerName, DueOn);
}
