using System.Text.Json;
using Passport.Domain.Plans;
using Passport.Grains.Plans;

namespace Passport.Web.Plans;

/// <summary>A plan as the API shows it; <c>moves</c> of each step are those the reader's side may make now.</summary>
public sealed record PlanResponse(
    Guid PersonId, string? Goal, int Version, DateTimeOffset? UpdatedAt, IReadOnlyList<PlanStepResponse> Steps, IReadOnlyList<PlanHistoryResponse> History)
{
    public static PlanResponse From(PlanView plan, PlanSide reader)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(
            plan.PersonId, plan.Goal, plan.Version, plan.UpdatedAt,
            [.. plan.Steps.Select(step => new PlanStepResponse(
                step.Id, step.Title, step.Meaning,
                step.OwnerName is not null ? new PlanOwnerResponse("contactPerson", step.OwnerUserId, step.OwnerName) : new PlanOwnerResponse("person", null, null),
                step.DueOn, Name(step.Status), step.CreatedAt, step.UpdatedAt, [.. step.MovesFor(reader).Select(PlanMoves.Name)]))],
            [.. plan.History.Select(entry => new PlanHistoryResponse(
                entry.At, Name(entry.Event), entry.StepId, entry.Detail,
                new PlanActorResponse(Name(entry.ActorSide), entry.ActorName, entry.OrganisationName)))]);
    }

    /// <summary>Enum values as the API spells them: camelCase, as in <c>inProgress</c>.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

public sealed record PlanStepResponse(
    Guid Id,
    string Title,
    string? Meaning,
    PlanOwnerResponse Owner,
    DateOnly? DueOn,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<string> Moves);

/// <summary>Who does a step: <c>person</c> (the young person) or <c>contactPerson</c> (named).</summary>
public sealed record PlanOwnerResponse(string Kind, Guid? UserId, string? Name);

public sealed record PlanHistoryResponse(DateTimeOffset At, string Event, Guid? StepId, string Detail, PlanActorResponse Actor);

public sealed record PlanActorResponse(string Side, string Name, string? Organisation);
