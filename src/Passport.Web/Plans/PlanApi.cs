using Passport.Application.Plans;
using Passport.Application.PersonalData;
using Passport.Domain.Consent;
using Passport.Domain.Plans;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Plans;

/// <summary>
/// <c>/api/me/plan</c> and <c>/api/me/people</c>: the young person's one plan and their contact persons;
/// <c>/api/people/{personId}/plan</c> and <c>…/contact-persons</c>: the same plan for professionals, only through the
/// consent gate (404 for every refusal, every read in the person's access log).
/// </summary>
public static class PlanApi
{
    /// <summary>The moves in routes, as <see cref="PlanMoves.Name"/> spells them.</summary>
    private const string MoveRoute = "{move:regex(^(agree|decline|start|done|drop)$)}";

    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder endpoints)
    {
        var mine = endpoints.MapGroup("/api/me").WithTags("Plan").RequireAuthorization(Policies.JobSeeker);
        mine.MapGet("/plan", GetMineAsync).WithSummary("Your plan: your goal, the steps and everything that changed");
        mine.MapPut("/plan/goal", SetGoalAsync).WithSummary("Write your goal in your own words")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapPost("/plan/steps", AddMyStepAsync).WithSummary("Add a step; a step you add yourself is agreed at once")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapPost($"/plan/steps/{{stepId:guid}}/{MoveRoute}", MoveMyStepAsync)
            .WithSummary("Agree to or decline a proposed step, start it, mark it done or drop it")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapPost("/plan/steps/{stepId:guid}/referral/outcome", RecordMyOutcomeAsync)
            .WithSummary("Say what came of a referral you agreed to: you went, you stayed, or it helped")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapGet("/people", GetMyPeopleAsync).WithSummary("Your contact persons: who, since when, how to reach them and what they may see").WithPaging();

        var staff = endpoints.MapGroup("/api/people/{personId:guid}").WithTags("Plan").RequireAuthorization(Policies.Staff);
        staff.MapGet("/plan", GetPersonPlanAsync).WithSummary("A person's plan, if they share it with your organisation")
            .ProducesProblem(StatusCodes.Status404NotFound);
        staff.MapPost("/plan/steps", ProposeAsync).WithSummary("Propose a step; the person agrees or declines it")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost($"/plan/steps/{{stepId:guid}}/{MoveRoute}", MoveAsStaffAsync)
            .WithSummary("Start a step, mark it done, drop it, or take back a proposal")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/plan/steps/{stepId:guid}/referral/outcome", RecordOutcomeAsStaffAsync)
            .WithSummary("Record what came of a referral the person agreed to: went, stayed or helped")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapPost("/contact-persons", AssignAsync).WithSummary("Become, or make a colleague, the person's contact person")
            .RequireAuthorization(Policies.Coach)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        staff.MapDelete("/contact-persons/{userId:guid}", EndAsync).WithSummary("Stop being, or stop a colleague being, the person's contact person")
            .RequireAuthorization(Policies.Coach)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public sealed record GoalRequest(string? Goal, int? Version);

    /// <summary>A new step; <c>referral</c> makes it a referral to a listed organisation of the social map.</summary>
    public sealed record StepRequest(string? Title, string? Meaning, Guid? OwnerUserId, DateOnly? DueOn, int? Version, ReferralRequest? Referral = null);

    /// <summary>
    /// The organisation and what to share with it (<c>name</c>, <c>phone</c>, <c>email</c>): a suggestion from a
    /// professional, the young person's choice when they add the step themself.
    /// </summary>
    public sealed record ReferralRequest(Guid? OrganisationId, IReadOnlyList<string>? Share);

    /// <summary>A move; on agreeing to a referral, <c>share</c> is what the young person chooses to pass on (nothing when left out).</summary>
    public sealed record MoveRequest(int? Version, IReadOnlyList<string>? Share = null);

    /// <summary><c>went</c>, <c>stayed</c> or <c>helped</c>.</summary>
    public sealed record OutcomeRequest(string? Outcome, int? Version);

    public sealed record ContactPersonRequest(Guid? UserId);

    public sealed record ContactPersonResponse(
        Guid UserId, string Name, string Role, ContactOrganisation Organisation, DateTimeOffset Since, ContactReach Reach, IReadOnlyList<string> MaySee)
    {
        public static ContactPersonResponse From(MyContactPerson person)
        {
            ArgumentNullException.ThrowIfNull(person);
            return new(
                person.UserId, person.Name, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(person.Role),
                new ContactOrganisation(person.OrganisationId, person.OrganisationName),
                person.Since, new ContactReach(person.Email, person.Website, person.Place), [.. person.MaySee.Select(DataCategories.Name)]);
        }
    }

    public sealed record ContactOrganisation(Guid Id, string Name);

    /// <summary>How to reach a contact person: their e-mail address, and their organisation's website and place.</summary>
    public sealed record ContactReach(string Email, string? Website, string? Place);

    private static async Task<Ok<PlanResponse>> GetMineAsync(HttpContext context, MyPlan plans) =>
        TypedResults.Ok(PlanResponse.From(await plans.GetMineAsync(context.User), PlanSide.Person));

    private static async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> SetGoalAsync(
        GoalRequest request, HttpContext context, MyPlan plans, OutcomeResults results) =>
        results.ToHttp(await plans.SetGoalAsync(context.User, request.Goal, request.Version), plan => TypedResults.Ok(PlanResponse.From(plan, PlanSide.Person)));

    private static async Task<Results<Created<PlanResponse>, ValidationProblem, ProblemHttpResult>> AddMyStepAsync(
        StepRequest request, HttpContext context, MyPlan plans, OutcomeResults results) =>
        results.ToHttp(
            await plans.AddMyStepAsync(context.User, Input(request), request.Version, context.RequestAborted),
            plan => TypedResults.Created("/api/me/plan", PlanResponse.From(plan, PlanSide.Person)));

    private static async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> MoveMyStepAsync(
        Guid stepId, string move, MoveRequest? request, HttpContext context, MyPlan plans, OutcomeResults results) =>
        results.ToHttp(
            await plans.MoveMyStepAsync(context.User, stepId, Move(move), request?.Version, request?.Share),
            plan => TypedResults.Ok(PlanResponse.From(plan, PlanSide.Person)));

    private static async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> RecordMyOutcomeAsync(
        Guid stepId, OutcomeRequest request, HttpContext context, MyPlan plans, OutcomeResults results) =>
        results.ToHttp(
            await plans.RecordMyOutcomeAsync(context.User, stepId, request.Outcome, request.Version),
            plan => TypedResults.Ok(PlanResponse.From(plan, PlanSide.Person)));

    private static async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> RecordOutcomeAsStaffAsync(
        Guid personId, Guid stepId, OutcomeRequest request, HttpContext context, MyPlan plans, OutcomeResults results) =>
        results.ToHttp(
            await plans.RecordOutcomeAsStaffAsync(context.User, personId, stepId, request.Outcome, request.Version, AccessChannel.Api, context.RequestAborted),
            plan => TypedResults.Ok(PlanResponse.From(plan, PlanSide.Professional)));

    private static async Task<Ok<ContactPersonResponse[]>> GetMyPeopleAsync(ListPage page, HttpContext context, ContactPersons people) =>
        page.Ok(page.Request.Of(await people.ListMineAsync(context.User, context.RequestAborted)).Select(ContactPersonResponse.From));

    private static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> GetPersonPlanAsync(
        Guid personId, HttpContext context, MyPlan plans, ApiProblems problems) =>
        await plans.ReadAsync(context.User, personId, AccessChannel.Api, context.RequestAborted) is { } plan
            ? TypedResults.Ok(PlanResponse.From(plan, PlanSide.Professional))
            : problems.Create(StatusCodes.Status404NotFound, "Consent.Problem.PersonNotFound.Title", "Consent.Problem.PersonNotFound.Detail");

    private static async Task<Results<Created<PlanResponse>, ValidationProblem, ProblemHttpResult>> ProposeAsync(
        Guid personId, StepRequest request, HttpContext context, MyPlan plans, OutcomeResults results) =>
        results.ToHttp(
            await plans.ProposeAsync(context.User, personId, Input(request), request.Version, AccessChannel.Api, context.RequestAborted),
            plan => TypedResults.Created($"/api/people/{personId}/plan", PlanResponse.From(plan, PlanSide.Professional)));

    private static async Task<Results<Ok<PlanResponse>, ValidationProblem, ProblemHttpResult>> MoveAsStaffAsync(
        Guid personId, Guid stepId, string move, MoveRequest? request, HttpContext context, MyPlan plans, OutcomeResults results) =>
        results.ToHttp(
            await plans.MoveAsStaffAsync(context.User, personId, stepId, Move(move), request?.Version, AccessChannel.Api, context.RequestAborted),
            plan => TypedResults.Ok(PlanResponse.From(plan, PlanSide.Professional)));

    private static async Task<Results<Created<ContactPersonResponse>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid personId, ContactPersonRequest? request, HttpContext context, ContactPersons people, OutcomeResults results) =>
        results.ToHttp(
            await people.AssignAsync(context.User, personId, request?.UserId, context.RequestAborted),
            person => TypedResults.Created($"/api/people/{personId}/contact-persons/{person.UserId}", ContactPersonResponse.From(person)));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> EndAsync(
        Guid personId, Guid userId, HttpContext context, ContactPersons people, OutcomeResults results) =>
        results.ToHttp(await people.EndAsync(context.User, personId, userId, context.RequestAborted), _ => TypedResults.NoContent());

    private static PlanStepInput Input(StepRequest request) =>
        new(request.Title, request.Meaning, request.OwnerUserId, request.DueOn,
            request.Referral is { } referral ? new ReferralInput(referral.OrganisationId, referral.Share) : null);

    // The route's constraint lets only the five names through.
    private static PlanMove Move(string name) =>
        PlanMoves.TryParse(name, out var move) ? move : throw new ArgumentOutOfRangeException(nameof(name), name, "Not a move of a plan step.");
}
