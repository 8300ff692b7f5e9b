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
                step.DueOn, Name(step.Status), step.CreatedAt, step.UpdatedAt, [.. step.MovesFor(reader).Select(PlanMoves.Name)],
                step.Referral is { } referral ? PlanReferralResponse.From(referral) : null))],
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
    IReadOnlyList<string> Moves,
    PlanReferralResponse? Referral);

/// <summary>
/// A step's referral to a social-map organisation: <c>suggested</c> is what the professional suggested sharing,
/// <c>shared</c> what the young person chose when agreeing (null until they agree: nothing is shared before), and the
/// outcomes so far.
/// </summary>
public sealed record PlanReferralResponse(
    PlanReferralOrganisation Organisation, IReadOnlyList<string> Suggested, IReadOnlyList<string>? Shared, bool Went, bool Stayed, bool Helped,
    DateTimeOffset? OutcomeAt)
{
    public static PlanReferralResponse From(PlanReferralView referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return new(
            new PlanReferralOrganisation(referral.OrganisationId, referral.OrganisationName),
            [.. referral.Suggested.Select(PlanResponse.Name)], referral.Shared?.Select(PlanResponse.Name).ToList(),
            referral.Went, referral.Stayed, referral.Helped, referral.OutcomeAt);
    }
}

public sealed record PlanReferralOrganisation(Guid Id, string Name);

/// <summary>Who does a step: <c>person</c> (the young person) or <c>contactPerson</c> (named).</summary>
public sealed record PlanOwnerResponse(string Kind, Guid? UserId, string? Name);

public sealed record PlanHistoryResponse(DateTimeOffset At, string Event, Guid? StepId, string Detail, PlanActorResponse Actor);

public sealed record PlanActorResponse(string Side, string Name, string? Organisation);
