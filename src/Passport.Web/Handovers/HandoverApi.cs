using Passport.Application.Handovers;
using Passport.Application.PersonalData;
using Passport.Web.Accounts;
using Passport.Web.Hosting;

namespace Passport.Web.Handovers;

/// <summary>
/// Warm hand-overs. <c>/api/people/{personId}/handovers</c>: staff hand a young person over (through the consent
/// door: 404 without the person's <c>plan</c> consent); <c>/api/me/handovers</c>: the young person reads the note and
/// consents or declines; <c>/api/organisation/handovers</c>: the organisation's outgoing hand-overs, and its incoming
/// ones once the young person consented, which it accepts, declines or completes by recording the first meeting.
/// Someone else's hand-over is 404 for every refusal.
/// </summary>
public static class HandoverApi
{
    public static IEndpointRouteBuilder MapHandoverApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/people/{personId:guid}/handovers", ProposeAsync).WithTags("Hand-overs").RequireAuthorization(Policies.Staff)
            .WithSummary("Hand the person over to another organisation, with a note and the plan steps that travel")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var mine = endpoints.MapGroup("/api/me/handovers").WithTags("Hand-overs").RequireAuthorization(Policies.JobSeeker);
        mine.MapGet("/", ListMineAsync).WithSummary("Your hand-overs: the note, who hands you over to whom, and what travels").WithPaging();
        mine.MapPost("/{id:guid}/consent", ConsentAsync).WithSummary("Say yes: your plan is shared with the receiving organisation")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapPost("/{id:guid}/decline", DeclineMineAsync).WithSummary("Say no; a reason is welcome but not needed")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var organisation = endpoints.MapGroup("/api/organisation/handovers").WithTags("Hand-overs").RequireAuthorization(Policies.Staff);
        organisation.MapGet("/", ListForOrganisationAsync).WithSummary("Your organisation's hand-overs, incoming and outgoing").WithPaging();
        organisation.MapPost("/{id:guid}/accept", AcceptAsync).WithSummary("Take the young person on and name their new contact person")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        organisation.MapPost("/{id:guid}/decline", DeclineAsOrganisationAsync).WithSummary("Say no to an incoming hand-over, with the reason")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        organisation.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithSummary("Take back an outgoing hand-over before it completes")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        organisation.MapPost("/{id:guid}/met", MetAsync).WithSummary("Record that the new contact person met the young person; this completes it")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    public sealed record ProposeRequest(
        Guid? ReceivingOrganisationId, Guid? ReceivingPersonUserId, NoteRequest? Note, IReadOnlyList<Guid>? Steps);

    public sealed record NoteRequest(string? Done, string? Wants, string? WatchFor);

    public sealed record ReasonRequest(string? Reason);

    public sealed record AcceptRequest(Guid? ContactPersonUserId);

    public sealed record MetRequest(DateTimeOffset? MetAt);

    private static async Task<Results<Created<HandoverResponse>, ValidationProblem, ProblemHttpResult>> ProposeAsync(
        Guid personId, ProposeRequest? request, HttpContext context, HandoverDesk desk, OutcomeResults results)
    {
        var input = new HandoverInput(
            request?.ReceivingOrganisationId, request?.ReceivingPersonUserId, request?.Note?.Done, request?.Note?.Wants, request?.Note?.WatchFor, request?.Steps);
        return results.ToHttp(
            await desk.ProposeAsync(context.User, personId, input, AccessChannel.Api, context.RequestAborted),
            summary => TypedResults.Created($"/api/organisation/handovers/{summary.Handover.Id}", HandoverResponse.From(summary)));
    }

    private static async Task<Ok<HandoverResponse[]>> ListMineAsync(ListPage page, HttpContext context, HandoverDesk desk) =>
        page.Ok(page.Request.Of(await desk.ListMineAsync(context.User, context.RequestAborted)).Select(HandoverResponse.From));

    private static async Task<Results<Ok<HandoverResponse>, ValidationProblem, ProblemHttpResult>> ConsentAsync(
        Guid id, HttpContext context, HandoverDesk desk, OutcomeResults results) =>
        results.ToHttp(await desk.ConsentAsync(context.User, id, context.RequestAborted), Ok);

    private static async Task<Results<Ok<HandoverResponse>, ValidationProblem, ProblemHttpResult>> DeclineMineAsync(
        Guid id, ReasonRequest? request, HttpContext context, HandoverDesk desk, OutcomeResults results) =>
        results.ToHttp(await desk.DeclineAsMeAsync(context.User, id, request?.Reason, context.RequestAborted), Ok);

    private static async Task<Ok<HandoverResponse[]>> ListForOrganisationAsync(ListPage page, HttpContext context, HandoverDesk desk) =>
        page.Ok(page.Request.Of(await desk.ListForOrganisationAsync(context.User, context.RequestAborted)).Select(HandoverResponse.From));

    private static async Task<Results<Ok<HandoverResponse>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        Guid id, AcceptRequest? request, HttpContext context, HandoverDesk desk, OutcomeResults results) =>
        results.ToHttp(await desk.AcceptAsync(context.User, id, request?.ContactPersonUserId, context.RequestAborted), Ok);

    private static async Task<Results<Ok<HandoverResponse>, ValidationProblem, ProblemHttpResult>> DeclineAsOrganisationAsync(
        Guid id, ReasonRequest? request, HttpContext context, HandoverDesk desk, OutcomeResults results) =>
        results.ToHttp(await desk.DeclineAsOrganisationAsync(context.User, id, request?.Reason, context.RequestAborted), Ok);

    private static async Task<Results<Ok<HandoverResponse>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        Guid id, ReasonRequest? request, HttpContext context, HandoverDesk desk, OutcomeResults results) =>
        results.ToHttp(await desk.WithdrawAsync(context.User, id, request?.Reason, context.RequestAborted), Ok);

    private static async Task<Results<Ok<HandoverResponse>, ValidationProblem, ProblemHttpResult>> MetAsync(
        Guid id, MetRequest? request, HttpContext context, HandoverDesk desk, OutcomeResults results) =>
        results.ToHttp(await desk.RecordMeetingAsync(context.User, id, request?.MetAt, context.RequestAborted), Ok);

    private static Ok<HandoverResponse> Ok(HandoverSummary summary) => TypedResults.Ok(HandoverResponse.From(summary));
}
