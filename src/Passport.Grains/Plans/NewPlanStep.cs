using Passport.Domain.Plans;

namespace Passport.Grains.Plans;

/// <summary>A step as someone wrote it; the owner, when a contact person, and the referral's organisation were checked by the caller.</summary>
[GenerateSerializer, Immutable]
public sealed record NewPlanStep(
    [property: Id(0)] string? Title,
    [property: Id(1)] string? Meaning,
    [property: Id(2)] Guid? OwnerUserId,
    [property: Id(3)] string? OwnerName,
    [property: Id(4)] DateOnly? DueOn,
    [property: Id(5)] NewReferral? Referral = null)
{
    public PlanStepDraft ToDraft() =>
        new(Title, Meaning, OwnerUserId, OwnerName, DueOn, Referral is { } referral ? new ReferralDraft(referral.OrganisationId, referral.OrganisationName, referral.Share) : null);
}

/// <summary>A referral to a listed organisation of the social map (its name as the map gives it) and what to share with it.</summary>
[GenerateSerializer, Immutable]
public sealed record NewReferral(
    [property: Id(0)] Guid OrganisationId,
    [property: Id(1)] string OrganisationName,
    [property: Id(2)] IReadOnlyList<ReferralShare> Share);
