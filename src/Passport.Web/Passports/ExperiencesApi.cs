using Passport.Application.Passports;
using Passport.Data.Experiences;
using Passport.Domain.Experiences;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Passports;

/// <summary><c>/api/me/experiences</c>: the work, internships, volunteering and education in the caller's passport. Job seekers only, their own.</summary>
public static class ExperiencesApi
{
    public static IEndpointRouteBuilder MapExperiencesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/me/experiences").WithTags("Passport").RequireAuthorization(Policies.JobSeeker);
        group.MapGet("/", ListAsync).WithSummary("Your experiences, the most recent first").WithPaging();
        group.MapPost("/", CreateAsync).WithSummary("Add an experience").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPut("/{id:guid}", UpdateAsync).WithSummary("Change an experience")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete an experience").ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public sealed record ExperienceRequest(
        string? Kind,
        string? Title,
        string? Organisation,
        string? Place,
        DateOnly? StartedOn,
        DateOnly? EndedOn,
        string? Description,
        IReadOnlyList<string>? EscoUris);

    public sealed record ExperienceResponse(
        Guid Id,
        string Kind,
        string Title,
        string? Organisation,
        string? Place,
        DateOnly StartedOn,
        DateOnly? EndedOn,
        string? Description,
        IReadOnlyList<string> EscoUris,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt)
    {
        public static ExperienceResponse From(ExperienceRecord record)
        {
            ArgumentNullException.ThrowIfNull(record);
            var experience = record.Experience;
            return new(
                record.Id, KindName(experience.Kind), experience.Title, experience.Organisation, experience.Place, experience.StartedOn,
                experience.EndedOn, experience.Description, experience.EscoUris, record.CreatedAt, record.UpdatedAt);
        }
    }

    /// <summary>The kind as the API and forms spell it: lower case.</summary>
    public static string KindName(ExperienceKind kind) => kind.ToString().ToLowerInvariant();

    private static async Task<Ok<ExperienceResponse[]>> ListAsync(ListPage page, HttpContext context, MyExperiences experiences)
    {
        var records = await experiences.ListAsync(context.User, page.Request, context.RequestAborted);
        return page.Ok(records.Select(ExperienceResponse.From));
    }

    private static async Task<Results<Created<ExperienceResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ExperienceRequest request, HttpContext context, MyExperiences experiences, OutcomeResults results) =>
        results.ToHttp(
            await experiences.AddAsync(context.User, ToDraft(request), context.RequestAborted),
            record => TypedResults.Created($"/api/me/experiences/{record.Id}", ExperienceResponse.From(record)));

    private static async Task<Results<Ok<ExperienceResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ExperienceRequest request, HttpContext context, MyExperiences experiences, OutcomeResults results) =>
        results.ToHttp(
            await experiences.ChangeAsync(context.User, id, ToDraft(request), context.RequestAborted),
            record => TypedResults.Ok(ExperienceResponse.From(record)));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        Guid id, HttpContext context, MyExperiences experiences, OutcomeResults results) =>
        results.ToHttp(await experiences.RemoveAsync(context.User, id, context.RequestAborted), _ => TypedResults.NoContent());

    private static ExperienceDraft ToDraft(ExperienceRequest request) => new(
        request.Kind, request.Title, request.Organisation, request.Place, request.StartedOn, request.EndedOn, request.Description, request.EscoUris);
}
