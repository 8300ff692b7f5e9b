using Passport.Application;
using Passport.Application.Pathways;
using Passport.Domain.Pathways;
using Passport.Web.Accounts;
using Passport.Web.Hosting;

namespace Passport.Web.Pathways;

/// <summary>
/// <c>/api/me/pathways/{id}</c>: one learning path for the job seeker, and asking its provider about it (which shares
/// their contact details with the provider, through a consent they can stop).
/// </summary>
public static class MyPathwaysApi
{
    public static IEndpointRouteBuilder MapMyPathwaysApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/me/pathways").WithTags("Pathways").RequireAuthorization(Policies.JobSeeker);
        group.MapGet("/{id:guid}", DetailAsync)
            .WithSummary("One learning path on offer: provider, place and distance, dates, what it teaches and what it does for you")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/questions", AskAsync)
            .WithSummary("Ask the provider about a learning path; shares your name and e-mail address with the provider")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    /// <summary>The body of <c>POST /api/me/pathways/{id}/questions</c>; <c>shareContact</c> must be true.</summary>
    public sealed record QuestionRequest(string? Question, bool? ShareContact);

    private static async Task<Results<Ok<MyPathwayDetail>, ProblemHttpResult>> DetailAsync(
        Guid id, HttpContext context, PathwayQuestions paths, OutcomeResults results)
    {
        var outcome = await paths.DetailAsync(context.User, id, context.RequestAborted);
        return outcome.IsDone ? TypedResults.Ok(outcome.Value!) : results.Problem(outcome);
    }

    private static async Task<Results<Created<MyPathwayQuestion>, ValidationProblem, ProblemHttpResult>> AskAsync(
        Guid id, QuestionRequest? request, HttpContext context, PathwayQuestions paths, OutcomeResults results) =>
        results.ToHttp(
            await paths.AskAsync(context.User, id, new PathwayQuestion(request?.Question, request?.ShareContact == true), context.RequestAborted),
            question => TypedResults.Created($"/api/me/pathways/{id}", question));
}
