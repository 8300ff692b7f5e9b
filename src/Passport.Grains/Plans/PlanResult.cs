using Passport.Domain.Plans;

namespace Passport.Grains.Plans;

/// <summary>How a change went, with the plan as it stands afterwards and, when the input broke rules, which.</summary>
[GenerateSerializer, Immutable]
public sealed record PlanResult(
    [property: Id(0)] PlanRefusal Refusal,
    [property: Id(1)] PlanView Plan,
    [property: Id(2)] IReadOnlyList<PlanRuleBroken> Errors,
    [property: Id(3)] Guid? StepId);

/// <summary>One broken rule: the field, the rule's code and its arguments (as text, as the message shows them).</summary>
[GenerateSerializer, Immutable]
public sealed record PlanRuleBroken(
    [property: Id(0)] string Field,
    [property: Id(1)] string Code,
    [property: Id(2)] IReadOnlyList<string> Arguments);
