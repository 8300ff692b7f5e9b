using Passport.Application.PersonalData;
using Passport.Application.Plans;
using Passport.Domain.Consent;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Plans;

/// <summary>
/// <c>/api/me/plan/barriers</c>: the barriers and needs a young person names on their plan (ids of the fixed list,
/// <c>GET /api/plan/barriers</c> has them all); <c>/api/people/{personId}/plan/barriers</c>: the same for
/// professionals, only through the consent door (404 for every refusal, every read in the person's access log).
/// </summary>
public static class PlanBarriersApi
{
    public static IEndpointRouteBuilder MapPlanBarriersApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/plan/barriers", () => TypedResults.Ok(Domain.Plans.PlanBarriers.All))
            .WithTags("Plan").WithSummary("Every barrier or need a plan can name, by id, in the order they are shown").AllowAnonymous();

        var mine = endpoints.MapGroup("/api/me/plan/barriers").WithTags("Plan").RequireAuthorization(Policies.JobSeeker);
        mine.MapGet("/", GetMineAsync).WithSummary("The barriers and needs you named on your plan");
        mine.MapPut("/", SetMineAsync).WithSummary("Name the barriers and needs on your plan (the whole list; an empty list clears it)")
            .ProducesValidationProblem();

        var staff = endpoints.MapGroup("/api/people/{personId:guid}/plan/barriers").WithTags("Plan").RequireAuthorization(Policies.Staff);
        staff.MapGet("/", GetPersonsAsync).WithSummary("A person's barriers and needs, if they share their plan with your organisation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPut("/", SetPersonsAsync).WithSummary("Set a person's barriers and needs with them, if they share their plan with your organisation")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public sealed record BarriersRequest(IReadOnlyList<string>? Barriers);

    public sealed record BarriersResponse(IReadOnlyList<string> Barriers);

    private static async Task<Ok<BarriersResponse>> GetMineAsync(HttpContext context, PlanBarriersDesk desk) =>
        TypedResults.Ok(new BarriersResponse(await desk.GetMineAsync(context.User, context.RequestAborted)));

    private static async Task<Results<Ok<BarriersResponse>, ValidationProblem, ProblemHttpResult>> SetMineAsync(
        BarriersRequest request, HttpContext context, PlanBarriersDesk desk, OutcomeResults results) =>
        results.ToHttp(await desk.SetMineAsync(context.User, request.Barriers, context.RequestAborted), barriers => TypedResults.Ok(new BarriersResponse(barriers)));

    private static async Task<Results<Ok<BarriersResponse>, ProblemHttpResult>> GetPersonsAsync(
        Guid personId, HttpContext context, PlanBarriersDesk desk, ApiProblems problems) =>
        await desk.ReadAsync(context.User, personId, AccessChannel.Api, context.RequestAborted) is { } barriers
            ? TypedResults.Ok(new BarriersResponse(barriers))
            : problems.Create(StatusCodes.Status404NotFound, "Consent.Problem.PersonNotFound.Title", "Consent.Problem.PersonNotFound.Detail");

    private static async Task<Results<Ok<BarriersResponse>, ValidationProblem, ProblemHttpResult>> SetPersonsAsync(
        Guid personId, BarriersRequest request, HttpContext context, PlanBarriersDesk desk, OutcomeResults results) =>
        results.ToHttp(
            await desk.SetAsStaffAsync(context.User, personId, request.Barriers, AccessChannel.Api, context.RequestAborted),
            barriers => TypedResults.Ok(new BarriersResponse(barriers)));
}
