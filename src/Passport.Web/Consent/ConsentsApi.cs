using System.Text.Json;
using Passport.Application;
using Passport.Application.Consent;
using Passport.Application.PersonalData;
using Passport.Data.Consent;
using Passport.Domain.Consent;
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
    public static IEndpointRouteBuilder MapConsentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/me").WithTags("Consent").RequireAuthorization(Policies.JobSeeker);
        group.MapGet("/consents", ListAsync).WithSummary("Your consents and the requests waiting for your answer, newest first").WithPaging();
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
        group.MapGet("/consents/{id:guid}/records", GetRecordsAsync).WithSummary("The consent's records (ISO/IEC TS 27560), oldest first")
            .WithPaging()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/access-log", GetAccessLogAsync).WithSummary("Every read of your data by someone else, newest first")
            .WithPaging();
        return endpoints;
    }

    public sealed record AudienceRequest(Guid? OrganisationId, string? Sector, bool? AllEducationPartners);

    public sealed record GrantConsentRequest(AudienceRequest? Audience, IReadOnlyList<string?>? Categories, string? Purpose, DateTimeOffset? ExpiresAt)
    {
        public ConsentInput ToInput() =>
            new(Audience?.OrganisationId, Audience?.Sector, Audience?.AllEducationPartners == true, Categories, Purpose, ExpiresAt);
    }

    // The owner's consents live in their grain's memory anyway; the page is cut from there.
    private static async Task<Ok<ConsentResponse[]>> ListAsync(ListPage page, HttpContext context, ConsentService consents)
    {
        var mine = await consents.ListMineAsync(context.User);
        return page.Ok(page.Request.Of(mine).Select(ConsentResponse.From));
    }

    private static async Task<Results<Created<ConsentResponse>, ValidationProblem, ProblemHttpResult>> GrantAsync(
        GrantConsentRequest request, HttpContext context, ConsentService consents, OutcomeResults results) =>
        results.ToHttp(
            await consents.ShareAsync(context.User.GetUserId()!.Value, request.ToInput(), context.RequestAborted),
            consent => TypedResults.Created($"/api/me/consents/{consent.Id}", ConsentResponse.From(consent)));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, HttpContext context, ConsentService consents, OutcomeResults results) =>
        NoContentOr(await consents.RevokeAsync(context.User, id), results);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeclineAsync(Guid id, HttpContext context, ConsentService consents, OutcomeResults results) =>
        NoContentOr(await consents.DeclineAsync(context.User, id), results);

    private static async Task<Results<Ok<ConsentResponse>, ProblemHttpResult>> ApproveAsync(
        Guid id, HttpContext context, ConsentService consents, OutcomeResults results)
    {
        var outcome = await consents.ApproveAsync(context.User.GetUserId()!.Value, id, context.RequestAborted);
        return outcome.IsDone ? TypedResults.Ok(ConsentResponse.From(outcome.Value!)) : results.Problem(outcome);
    }

    // A consent has a handful of records (given, requested, approved, revoked, expired), so the page is cut in memory.
    private static async Task<Results<Ok<JsonElement[]>, ProblemHttpResult>> GetRecordsAsync(
        Guid id, ListPage page, HttpContext context, ConsentService consents, ApiProblems problems)
    {
        var records = await consents.RecordsAsync(context.User, id, context.RequestAborted);
        if (records.Count == 0)
        {
            return NotFound(problems);
        }

        return page.Ok(page.Request.Of(records).Select(record => JsonSerializer.Deserialize<JsonElement>(record.Record)));
    }

    private static async Task<Ok<AccessLogEntryResponse[]>> GetAccessLogAsync(ListPage page, HttpContext context, MyAccessLog accessLog)
    {
        var rows = await accessLog.PageAsync(context.User, page.Request, context.RequestAborted);
        return page.Ok(rows.Select(AccessLogEntryResponse.From));
    }

    private static Results<NoContent, ProblemHttpResult> NoContentOr(Outcome<Guid> outcome, OutcomeResults results) =>
        outcome.IsDone ? TypedResults.NoContent() : results.Problem(outcome);

    private static ProblemHttpResult NotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Consent.Problem.NotFound.Title", "Consent.Problem.NotFound.Detail");
}
