using Passport.Domain.Plans;

namespace Passport.Grains.Plans;

/// <summary>Who changes a plan, as the history will name them.</summary>
[GenerateSerializer, Immutable]
public sealed record PlanActorInfo(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] PlanSide Side,
    [property: Id(2)] string Name,
    [property: Id(3)] Guid? OrganisationId,
    [property: Id(4)] string? OrganisationName)
{
    public PlanActor ToActor() => new(UserId, Side, Name, OrganisationId, OrganisationName);
}
