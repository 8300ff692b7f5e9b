using System.Text.Json;
using Passport.Data.Consent;
using Passport.Domain.Consent;
using Passport.Grains.Consent;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Consent;

/// <summary>
/// <c>/api/me/consents</c> and <c>/api/me/access-log</c>: the owner decides who sees what, and sees every read.
/// Only the owner's own consents are reachable here; another owner's consent id is simply not found.
/// </summary>
public static class ConsentsApi
{
    public const int MaxAccessLogPage = 200;

    public static IEndpointRouteBuilder MapConsentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/me").WithTags("Consent").RequireAuthorization(Policies.JobSeeker);
        group.MapGet("/consents", ListAsync).WithSummary("Your consents and the requests waiting for your answer");
        group.MapPost("/consents", GrantAsync).WithSummary("Share categories of your data with an audience")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/consents/{id:guid}", RevokeAsync).WithSummary("Stop sharing now (or say no to a request)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/consents/{id:guid}/approve", ApproveAsync).WithSummary("Agree to a request")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/consents/{id:guid}/decline", DeclineAsync).WithSummary("Say no to a request")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/consents/{id:guid}/records", GetRecordsAsync).WithSummary("The consent's records (ISO/IEC TS 27560)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/access-log", GetAccessLogAsync).WithSummary("Every read of your data by someone else, newest first")
            .ProducesValidationProblem();
        return endpoints;
    }

    public sealed record AudienceRequest(Guid? OrganisationId, string? Sector, bool? AllEducationPartners);

    public sealed record GrantConsentRequest(AudienceRequest? Audience, IReadOnlyList<string?>? Categories, string? Purpose, DateTimeOffset? ExpiresAt)
    {
        public ConsentInput ToInput() =>
            new(Audience?.OrganisationId, Audience?.Sector, Audience?.AllEducationPartners == true, Categories, Purpose, ExpiresAt);
    }

    private static async Task<Ok<ConsentResponse[]>> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var consents = await grains.GetGrain<IConsentGrain>(context.User.GetUserId()!.Value).ListAsync();
        return TypedResults.Ok(consents.Reverse().Select(ConsentResponse.From).ToArray());
    }

    private static async Task<Results<Created<ConsentResponse>, ValidationProblem, ProblemHttpResult>> GrantAsync(
        GrantConsentRequest request, HttpContext context, ConsentService consents, ValidationMessages messages, ApiProblems problems)
    {
        var outcome = await consents.ShareAsync(context.User.GetUserId()!.Value, request.ToInput(), context.RequestAborted);
        return outcome.Kind switch
        {
            ConsentOutcomeKind.Done => TypedResults.Created($"/api/me/consents/{outcome.Consent!.Id}", ConsentResponse.From(outcome.Consent)),
            ConsentOutcomeKind.Invalid => messages.Problem(outcome.Errors!),
            _ => Problem(outcome, problems),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, HttpContext context, IGrainFactory grains, ApiProblems problems) =>
        ToResult(await grains.GetGrain<IConsentGrain>(context.User.GetUserId()!.Value).RevokeAsync(id), problems);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeclineAsync(Guid id, HttpContext context, IGrainFactory grains, ApiProblems problems) =>
        ToResult(await grains.GetGrain<IConsentGrain>(context.User.GetUserId()!.Value).DeclineAsync(id), problems);

    private static async Task<Results<Ok<ConsentResponse>, ProblemHttpResult>> ApproveAsync(
        Guid id, HttpContext context, ConsentService consents, ApiProblems problems)
    {
        var outcome = await consents.ApproveAsync(context.User.GetUserId()!.Value, id, context.RequestAborted);
        return outcome.IsDone ? TypedResults.Ok(ConsentResponse.From(outcome.Consent!)) : Problem(outcome, problems);
    }

    private static async Task<Results<Ok<JsonElement[]>, ProblemHttpResult>> GetRecordsAsync(
        Guid id, HttpContext context, ConsentRepository repository, ApiProblems problems)
    {
        var records = await repository.ListRecordsAsync(context.User.GetUserId()!.Value, id, context.RequestAborted);
        if (records.Count == 0)
        {
            return NotFound(problems);
        }

        return TypedResults.Ok(records.Select(record => JsonSerializer.Deserialize<JsonElement>(record.Record)).ToArray());
    }

    private static async Task<Results<Ok<AccessLogEntryResponse[]>, ProblemHttpResult>> GetAccessLogAsync(
        HttpContext context, AccessLogRepository accessLog, ApiProblems problems, DateTimeOffset? before = null, Guid? beforeId = null, int limit = 50)
    {
        if (limit is < 1 or > MaxAccessLogPage)
        {
            return problems.Create(StatusCodes.Status400BadRequest, "Problem.Validation", "Consent.AccessLog.Limit", MaxAccessLogPage);
        }

        var rows = await accessLog.ListForSubjectAsync(context.User.GetUserId()!.Value, limit, before, beforeId, context.RequestAborted);
        return TypedResults.Ok(rows.Select(AccessLogEntryResponse.From).ToArray());
    }

    private static Results<NoContent, ProblemHttpResult> ToResult(ConsentChange change, ApiProblems problems) =>
        change == ConsentChange.Done ? TypedResults.NoContent() : Problem(ConsentOutcome.From(change), problems);

    private static ProblemHttpResult Problem(ConsentOutcome outcome, ApiProblems problems) => outcome.Kind switch
    {
        ConsentOutcomeKind.NotFound => NotFound(problems),
        ConsentOutcomeKind.GuardianNeeded => GuardianNeeded(problems),
        _ => problems.Create(StatusCodes.Status409Conflict, "Consent.Problem.NotAllowed.Title", "Consent.Problem.NotAllowed.Detail"),
    };

    private static ProblemHttpResult NotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Consent.Problem.NotFound.Title", "Consent.Problem.NotFound.Detail");

    private static ProblemHttpResult GuardianNeeded(ApiProblems problems) =>
        problems.Create(StatusCodes.Status403Forbidden, "Consent.Problem.Guardian.Title", "Consent.Problem.Guardian.Detail");
}
