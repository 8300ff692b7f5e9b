namespace Passport.Application.Plans;

/// <summary>
/// A step as the API or a form sends it: <paramref name="OwnerUserId"/> null means the young person does it;
/// <paramref name="Referral"/>, when given, makes it a referral to an organisation of the social map.
/// </summary>
public sealed record PlanStepInput(string? Title, string? Meaning, Guid? OwnerUserId, DateOnly? DueOn, ReferralInput? Referral = null);

/// <summary>
/// A referral as sent: the map organisation and what to share with it (<c>name</c>, <c>phone</c>, <c>email</c>). From a
/// professional this is a suggestion; the young person chooses when they agree.
/// </summary>
public sealed record ReferralInput(Guid? OrganisationId, IReadOnlyList<string>? Share);
