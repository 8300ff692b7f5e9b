using Passport.Application;
using Passport.Application.Passports;
using Passport.Data.Endorsements;
using Passport.Domain.Skills;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Passports;

/// <summary>
/// <c>/api/me/endorsements</c>: the owner's side of endorsements. Job seekers see every endorsement of their skills
/// and decide: accept (it shows in the passport), decline, or withdraw one they accepted before.
/// </summary>
public static class EndorsementsApi
{
    public static IEndpointRouteBuilder MapEndorsementsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/me/endorsements").WithTags("Passport").RequireAuthorization(Policies.JobSeeker);
        group.MapGet("/", ListAsync).WithSummary("Endorsements of your skills, with their status, newest first").WithPaging();
        group.MapPost("/{id:guid}/accept", AcceptAsync).WithSummary("Show a pending endorsement in your passport")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/decline", DeclineAsync).WithSummary("Decline a pending endorsement")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", WithdrawAsync).WithSummary("Hide an endorsement you accepted before")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    public sealed record EndorserResponse(string Name, string Organisation);

    public sealed record EndorsementResponse(
        Guid Id,
        string SkillId,
        string SkillName,
        string Evidence,
        string Status,
        EndorserResponse Endorser,
        DateTimeOffset CreatedAt,
        DateTimeOffset? DecidedAt,
        DateTimeOffset? WithdrawnAt)
    {
        public static EndorsementResponse From(EndorsementRow row, SkillCatalog skills, string language)
        {
            ArgumentNullException.ThrowIfNull(row);
            ArgumentNullException.ThrowIfNull(skills);
            // A skill that has left the framework keeps its endorsement; it is then shown by its id.
            var name = skills.IsKnown(row.SkillId) ? skills.Get(row.SkillId).Name.In(language) : row.SkillId;
            return new(
                row.Id, row.SkillId, name, row.Evidence, row.Status.ToLowerInvariant(), new EndorserResponse(row.EndorserName, row.OrganisationName),
                row.CreatedAt, row.DecidedAt, row.WithdrawnAt);
        }
    }

    private static async Task<Ok<EndorsementResponse[]>> ListAsync(ListPage page, HttpContext context, EndorsementService endorsements, SkillCatalog skills)
    {
        var language = LocalizationHostingExtensions.CurrentLanguage();
        var rows = await endorsements.ListAsync(context.User.GetUserId()!.Value, page.Request, context.RequestAborted);
        return page.Ok(rows.Select(row => EndorsementResponse.From(row, skills, language)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AcceptAsync(
        Guid id, HttpContext context, EndorsementService endorsements, OutcomeResults results) =>
        Answer(await endorsements.AcceptAsync(context.User.GetUserId()!.Value, id, context.RequestAborted), results);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeclineAsync(
        Guid id, HttpContext context, EndorsementService endorsements, OutcomeResults results) =>
        Answer(await endorsements.DeclineAsync(context.User.GetUserId()!.Value, id, context.RequestAborted), results);

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(
        Guid id, HttpContext context, EndorsementService endorsements, OutcomeResults results) =>
        Answer(await endorsements.WithdrawAsync(context.User.GetUserId()!.Value, id, context.RequestAborted), results);

    private static Results<NoContent, ProblemHttpResult> Answer(Outcome<Guid> outcome, OutcomeResults results) =>
        outcome.IsDone ? TypedResults.NoContent() : results.Problem(outcome);
}
