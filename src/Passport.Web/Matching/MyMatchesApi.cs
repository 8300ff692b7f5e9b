using Microsoft.Extensions.Options;
using Passport.Application.Matching;
using Passport.Domain.Validation;
using Passport.Matching;
using Passport.Web.Accounts;
using Passport.Web.Localization;

namespace Passport.Web.Matching;

/// <summary><c>/api/me/matches</c> and <c>/api/me/pathways</c>: a job seeker's own matches, from their own passport.</summary>
public static class MyMatchesApi
{
    public static IEndpointRouteBuilder MapMyMatchesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/me").WithTags("Matching").RequireAuthorization(Policies.JobSeeker);
        group.MapGet("/matches", MatchesAsync).WithSummary("Vacancies that fit your passport, with reasons and gaps")
            .ProducesValidationProblem();
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
