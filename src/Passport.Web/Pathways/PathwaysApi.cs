using Passport.Application.Pathways;
using Passport.Application.PersonalData;
using Passport.Data.Pathways;
using Passport.Domain.Skills;
using Passport.Grains.Pathways;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Pathways;

/// <summary>
/// <c>/api/education/pathways</c>: education partners write their organisation's pathways and move them through
/// their lifecycle; another provider's pathway is simply not found. <c>/api/pathways</c>: anyone reads the pathways
/// on offer.
/// </summary>
public static class PathwaysApi
{
    public static IEndpointRouteBuilder MapPathwaysApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/education/pathways").WithTags("Pathways").RequireAuthorization(Policies.EducationPartner);
        group.MapGet("/", ListOwnAsync).WithSummary("Your organisation's pathways, newest first").WithPaging();
        group.MapPost("/", CreateAsync).WithSummary("Write a new pathway (it starts as a draft)")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One of your organisation's pathways")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateAsync).WithSummary("Change a pathway (not once it is closed)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/open", OpenAsync).WithSummary("Publish a draft, or take students again after it was full")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/full", FillAsync).WithSummary("Mark an open pathway as full")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/close", CloseAsync).WithSummary("Stop offering a pathway, for good")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/questions", QuestionsAsync)
            .WithSummary("Questions young people asked about a pathway, with their contact details while they share them (logged in their access log)")
            .WithPaging()
            .ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapGet("/api/pathways", ListPublishedAsync).WithTags("Pathways").AllowAnonymous()
            .WithSummary("Pathways on offer (open or full), newest first")
            .WithPaging();
        return endpoints;
    }

    private static async Task<Ok<PathwayResponse[]>> ListOwnAsync(ListPage page, HttpContext context, PathwayDesk desk)
    {
        var pathways = await desk.ListOwnAsync(context.User, page.Request, context.RequestAborted);
        return page.Ok(pathways.Select(stored => PathwayResponse.From(PathwayRows.ToView(stored))));
    }

    private static async Task<Ok<PathwayResponse[]>> ListPublishedAsync(ListPage page, HttpContext context, PathwayDesk desk)
    {
        var pathways = await desk.ListOnOfferAsync(page.Request, context.RequestAborted);
        return page.Ok(pathways.Select(stored => PathwayResponse.From(PathwayRows.ToView(stored))));
    }

    private static async Task<Results<Created<PathwayResponse>, ValidationProblem>> CreateAsync(
        PathwayRequest request, HttpContext context, IGrainFactory grains, SkillCatalog skills, ValidationMessages messages)
    {
        var pathway = request.ToDomain();
        var errors = pathway.Validate(skills);
        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        var id = Guid.CreateVersion7();
        // A fresh version 7 id is never taken, so the grain always creates.
        var created = await grains.GetGrain<IPathwayGrain>(id).CreateAsync(OrganisationOf(context), PathwayContent.From(pathway))
            ?? throw new InvalidOperationException($"Pathway id {id} was taken.");
        return TypedResults.Created($"/api/education/pathways/{id}", PathwayResponse.From(created));
    }

    private static async Task<Results<Ok<PathwayResponse>, ProblemHttpResult>> GetAsync(Guid id, HttpContext context, IGrainFactory grains, ApiProblems problems)
    {
        var pathway = await grains.GetGrain<IPathwayGrain>(id).GetAsync();
        return pathway is not null && pathway.OrganisationId == OrganisationOf(context)
            ? TypedResults.Ok(PathwayResponse.From(pathway))
            : NotFound(problems);
    }

    private static async Task<Results<Ok<PathwayResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, PathwayRequest request, HttpContext context, IGrainFactory grains, SkillCatalog skills, ValidationMessages messages, ApiProblems problems)
    {
        var pathway = request.ToDomain();
        var errors = pathway.Validate(skills);
        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        var grain = grains.GetGrain<IPathwayGrain>(id);
        return await ToResultAsync(await grain.UpdateAsync(OrganisationOf(context), PathwayContent.From(pathway)), grain, problems);
    }

    private static Task<Results<Ok<PathwayResponse>, ProblemHttpResult>> OpenAsync(Guid id, HttpContext context, IGrainFactory grains, ApiProblems problems) =>
        MoveAsync(id, context, grains, problems, (grain, organisationId) => grain.OpenAsync(organisationId));

    private static Task<Results<Ok<PathwayResponse>, ProblemHttpResult>> FillAsync(Guid id, HttpContext context, IGrainFactory grains, ApiProblems problems) =>
        MoveAsync(id, context, grains, problems, (grain, organisationId) => grain.FillAsync(organisationId));

    private static Task<Results<Ok<PathwayResponse>, ProblemHttpResult>> CloseAsync(Guid id, HttpContext context, IGrainFactory grains, ApiProblems problems) =>
        MoveAsync(id, context, grains, problems, (grain, organisationId) => grain.CloseAsync(organisationId));

    private static async Task<Results<Ok<PathwayResponse>, ProblemHttpResult>> MoveAsync(
        Guid id, HttpContext context, IGrainFactory grains, ApiProblems problems, Func<IPathwayGrain, Guid, Task<PathwayChange>> move)
    {
        var grain = grains.GetGrain<IPathwayGrain>(id);
        var change = await move(grain, OrganisationOf(context));
        return change switch
        {
            PathwayChange.Done => TypedResults.Ok(PathwayResponse.From((await grain.GetAsync())!)),
            PathwayChange.NotFound => NotFound(problems),
            _ => problems.Create(StatusCodes.Status409Conflict, "Pathways.Problem.NotAllowed.Title", "Pathways.Problem.NotAllowed.Detail"),
        };
    }

    private static async Task<Results<Ok<PathwayResponse>, ValidationProblem, ProblemHttpResult>> ToResultAsync(
        PathwayChange change, IPathwayGrain grain, ApiProblems problems) => change switch
        {
            PathwayChange.Done => TypedResults.Ok(PathwayResponse.From((await grain.GetAsync())!)),
            PathwayChange.NotFound => NotFound(problems),
            _ => problems.Create(StatusCodes.Status409Conflict, "Pathways.Problem.Closed.Title", "Pathways.Problem.Closed.Detail"),
        };

    private static async Task<Results<Ok<ProviderQuestion[]>, ProblemHttpResult>> QuestionsAsync(
        Guid id, ListPage page, HttpContext context, PathwayQuestions questions, OutcomeResults results)
    {
        var outcome = await questions.ForProviderAsync(context.User, id, page.Request, AccessChannel.Api, context.RequestAborted);
        return outcome.IsDone ? page.Ok(outcome.Value!.Questions) : results.Problem(outcome);
    }

    private static Guid OrganisationOf(HttpContext context) => context.User.GetOrganisationId()!.Value;

    private static ProblemHttpResult NotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Pathways.Problem.NotFound.Title", "Pathways.Problem.NotFound.Detail");
}
