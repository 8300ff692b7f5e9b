using Microsoft.Extensions.Options;
using Passport.Application.Matching;
using Passport.Domain.Validation;
using Passport.Matching;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Matching;

/// <summary>
/// <c>/api/me/matches</c> and <c>/api/me/pathways</c>: a job seeker's own matches, from their own passport; one
/// vacancy of them, and their interest in it (the same use case as the job's page).
/// </summary>
public static class MyMatchesApi
{
    public static IEndpointRouteBuilder MapMyMatchesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/me").WithTags("Matching").RequireAuthorization(Policies.JobSeeker);
        group.MapGet("/matches", MatchesAsync).WithSummary("Vacancies that fit your passport, with reasons and gaps")
            .ProducesValidationProblem();
        group.MapGet("/matches/{vacancyId:guid}", JobAsync)
            .WithSummary("One published vacancy: employer, place, hours, what it asks beside your levels, and your interest")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/matches/{vacancyId:guid}/interest", MarkInterestAsync)
            .WithSummary("Say you are interested: share what you choose with the vacancy's employer for this vacancy (a consent)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/matches/{vacancyId:guid}/interest", WithdrawInterestAsync)
            .WithSummary("Withdraw your interest: the consent it gave stops at once")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/pathways", PathwaysAsync).WithSummary("Pathways ranked by how many more vacancies they would open for you")
            .ProducesValidationProblem();
        return endpoints;
    }

    private static async Task<Results<Ok<MyMatchesResponse>, ValidationProblem>> MatchesAsync(
        int? top, HttpContext context, MyMatcher matcher, IOptions<MatchingOptions> options, ValidationMessages messages) =>
        Top(top, options.Value, messages) is { } problem
            ? problem
            : TypedResults.Ok(await matcher.VacanciesAsync(context.User.GetUserId()!.Value, top ?? options.Value.DefaultTop, context.RequestAborted));

    private static async Task<Results<Ok<MyPathwaysResponse>, ValidationProblem>> PathwaysAsync(
        int? top, HttpContext context, MyMatcher matcher, IOptions<MatchingOptions> options, ValidationMessages messages) =>
        Top(top, options.Value, messages) is { } problem
            ? problem
            : TypedResults.Ok(await matcher.PathwaysAsync(context.User.GetUserId()!.Value, top ?? options.Value.DefaultTop, context.RequestAborted));

    /// <summary>What the job seeker shares with the employer when they say they are interested: <c>skills</c>, <c>experiences</c>, <c>contact</c>.</summary>
    public sealed record InterestRequest(IReadOnlyList<string?>? Categories);

    private static async Task<Results<Ok<MyJobResponse>, ValidationProblem, ProblemHttpResult>> JobAsync(
        Guid vacancyId, HttpContext context, MyJobs jobs, OutcomeResults results) =>
        results.ToHttp(await jobs.GetAsync(context.User, vacancyId, context.RequestAborted), job => TypedResults.Ok(job));

    private static async Task<Results<Created<InterestView>, ValidationProblem, ProblemHttpResult>> MarkInterestAsync(
        Guid vacancyId, InterestRequest? body, HttpContext context, MyJobs jobs, OutcomeResults results) =>
        results.ToHttp(
            await jobs.MarkInterestAsync(context.User, vacancyId, body?.Categories, context.RequestAborted),
            interest => TypedResults.Created($"/api/me/matches/{vacancyId}", interest));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> WithdrawInterestAsync(
        Guid vacancyId, HttpContext context, MyJobs jobs, OutcomeResults results) =>
        results.ToHttp(await jobs.WithdrawAsync(context.User, vacancyId, context.RequestAborted), _ => TypedResults.NoContent());

    /// <summary>A ranked answer is bounded by <c>top</c> (1 to <c>Matching:MaxTop</c>); null when it is within bounds.</summary>
    private static ValidationProblem? Top(int? top, MatchingOptions options, ValidationMessages messages)
    {
        var count = top ?? options.DefaultTop;
        if (count >= 1 && count <= options.MaxTop)
        {
            return null;
        }

        var errors = new ValidationErrors();
        errors.Add("top", "Match.Top.OutOfRange", options.MaxTop);
        return messages.Problem(errors);
    }
}
