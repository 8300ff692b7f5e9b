namespace Passport.Application.Plans;

/// <summary>A step as the API or a form sends it: <paramref name="OwnerUserId"/> null means the young person does it.</summary>
public sealed record PlanStepInput(string? Title, string? Meaning, Guid? OwnerUserId, DateOnly? DueOn);
