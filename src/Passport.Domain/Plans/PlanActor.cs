namespace Passport.Domain.Plans;

/// <summary>Which side of a plan someone stands on: the young person whose plan it is, or a professional working with them.</summary>
public enum PlanSide
{
    Person,
    Professional,
}

/// <summary>
/// Who changes a plan, as its history names them. Names are copied at the moment of the change, so the history keeps
/// saying who did it even when an account or organisation is renamed later.
/// </summary>
public sealed record PlanActor(Guid UserId, PlanSide Side, string Name, Guid? OrganisationId, string? OrganisationName);
