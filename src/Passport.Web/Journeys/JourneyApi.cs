using Passport.Application.Journeys;
using Passport.Application.PersonalData;
using Passport.Domain.Journeys;
using Passport.Web.Accounts;
using Passport.Web.Hosting;

namespace Passport.Web.Journeys;

/// <summary>
/// <c>/api/me/journey</c>: the young person's turning points with their plan, contact persons and hand-overs;
/// <c>/api/people/{personId}/journey</c>: the same for professionals, only through the consent door with the person's
/// <c>plan</c> consent (404 for every refusal, every read in the person's access log).
/// </summary>
public static class JourneyApi
{
    public static IEndpointRouteBuilder MapJourneyApi(this IEndpointRouteBuilder endpoints)
    {
        var mine = endpoints.MapGroup("/api/me/journey").WithTags("Journey").RequireAuthorization(Policies.JobSeeker);
        mine.MapGet("", GetMineAsync).WithSummary("Your journey: your turning points, your plan, your contact persons and hand-overs");
        mine.MapPost("/events", AddMineAsync).WithSummary("Add a turning point that happened").ProducesValidationProblem();

        var staff = endpoints.MapGroup("/api/people/{personId:guid}/journey").WithTags("Journey").RequireAuthorization(Policies.Staff);
        staff.MapGet("", GetPersonJourneyAsync).WithSummary("A person's journey, if they share their plan with your organisation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/events", AddAsStaffAsync).WithSummary("Add a turning point to a person's journey, under their plan consent")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <param name="Kind">A turning point's name: startedSchool, leftSchool, startedWork, leftWork, startedInternship, endedInternship, startedCare, endedCare, startedBenefits, endedBenefits, moved.</param>
    public sealed record EventRequest(string? Kind, DateOnly? OccurredOn, string? Note);

    private static async Task<Ok<JourneyResponse>> GetMineAsync(HttpContext context, MyJourney journeys) =>
        TypedResults.Ok(JourneyResponse.From(await journeys.GetMineAsync(context.User, context.RequestAborted)));

    private static async Task<Results<Created<JourneyResponse>, ValidationProblem, ProblemHttpResult>> AddMineAsync(
        EventRequest request, HttpContext context, MyJourney journeys, OutcomeResults results) =>
        results.ToHttp(
            await journeys.AddMineAsync(context.User, Input(request), context.RequestAborted),
            journey => TypedResults.Created("/api/me/journey", JourneyResponse.From(journey)));

    private static async Task<Results<Ok<JourneyResponse>, ProblemHttpResult>> GetPersonJourneyAsync(
        Guid personId, HttpContext context, MyJourney journeys, ApiProblems problems) =>
        await journeys.ReadAsync(context.User, personId, AccessChannel.Api, context.RequestAborted) is { } journey
            ? TypedResults.Ok(JourneyResponse.From(journey))
            : problems.Create(StatusCodes.Status404NotFound, "Consent.Problem.PersonNotFound.Title", "Consent.Problem.PersonNotFound.Detail");

    private static async Task<Results<Created<JourneyResponse>, ValidationProblem, ProblemHttpResult>> AddAsStaffAsync(
        Guid personId, EventRequest request, HttpContext context, MyJourney journeys, OutcomeResults results) =>
        results.ToHttp(
            await journeys.AddAsStaffAsync(context.User, personId, Input(request), AccessChannel.Api, context.RequestAborted),
            journey => TypedResults.Created($"/api/people/{personId}/journey", JourneyResponse.From(journey)));

    private static JourneyEventInput Input(EventRequest? request) => new(request?.Kind, request?.OccurredOn, request?.Note);
}
