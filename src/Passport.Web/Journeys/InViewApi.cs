using Microsoft.Extensions.Localization;
using Passport.Application.Journeys;
using Passport.Application.PersonalData;
using Passport.Domain.InView;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Journeys;

/// <summary>
/// <c>/api/municipality/in-view</c>: a municipality's worklist of the young people who share their plan with it and
/// are drifting out of view (names and reasons only); opening one is a read through the consent door, logged in that
/// person's access log. Coaches of a municipality only.
/// </summary>
public static class InViewApi
{
    public static IEndpointRouteBuilder MapInViewApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/municipality/in-view").WithTags("In view").RequireAuthorization(Policies.Coach);
        group.MapGet("", ListAsync).WithSummary("Who is drifting out of view, why, since when and what to do")
            .ProducesProblem(StatusCodes.Status403Forbidden).WithPaging();
        group.MapGet("/{personId:guid}", OpenAsync).WithSummary("One person's entry: why they are out of view and what to do (a logged read)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public sealed record InViewEntryResponse(Guid PersonId, string Name, DateTimeOffset? Since, IReadOnlyList<InViewReasonResponse> Reasons);

    /// <param name="Reason">noActivePlanStep, noContact, missedAppointments, handoverStuck, handoverExpired or contactPersonGone.</param>
    /// <param name="Why">The reason in the caller's language.</param>
    /// <param name="WhatToDo">What to do about it, in the caller's language.</param>
    public sealed record InViewReasonResponse(string Reason, DateTimeOffset Since, string Why, string WhatToDo);

    internal static InViewEntryResponse Response(InViewEntry entry, IStringLocalizer<Texts> texts) => new(
        entry.PersonId, entry.Name, entry.Signals.Count == 0 ? null : entry.Since,
        [.. entry.Signals.Select(signal => new InViewReasonResponse(
            JourneyResponse.Name(signal.Reason), signal.Since, texts[$"InView.Reason.{signal.Reason}"], texts[$"InView.Todo.{signal.Reason}"]))]);

    private static async Task<Results<Ok<InViewEntryResponse[]>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ListPage page, HttpContext context, InViewDesk desk, OutcomeResults results, IStringLocalizer<Texts> texts) =>
        results.ToHttp(
            await desk.ListAsync(context.User, context.RequestAborted),
            entries => page.Ok(page.Request.Of(entries).Select(entry => Response(entry, texts))));

    private static async Task<Results<Ok<InViewEntryResponse>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        Guid personId, HttpContext context, InViewDesk desk, OutcomeResults results, IStringLocalizer<Texts> texts) =>
        results.ToHttp(
            await desk.OpenAsync(context.User, personId, AccessChannel.Api, context.RequestAborted),
            entry => TypedResults.Ok(Response(entry, texts)));
}
