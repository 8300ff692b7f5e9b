using Passport.Application.Consent;
using Passport.Application.Passports;
using Passport.Application.PersonalData;
using Passport.Domain.Consent;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Consent;

/// <summary>
/// <c>/api/people</c>: staff reading what people shared with their organisation, and asking for more. Every read
/// goes through <see cref="IPersonalData"/>; whatever the reason for a refusal, the answer is the same 404.
/// </summary>
public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/people").WithTags("Consent").RequireAuthorization(Policies.Staff);
        group.MapGet("/", ListSharedAsync).WithSummary("People who share data with your organisation now, the most recently granted first").WithPaging();
        group.MapGet("/requests", ListRequestsAsync).WithSummary("Your organisation's requests for access and their answers, newest first").WithPaging();
        group.MapGet("/{personId:guid}/passport", GetPassportAsync).WithSummary("A person's passport: only the categories they share with you")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{personId:guid}/consent-requests", RequestAsync).WithSummary("Ask a person to share data with your organisation")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/{personId:guid}/endorsements", EndorseAsync).WithSummary("Endorse one of a person's skills; they accept or decline it")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        endpoints.MapPost("/api/coach/people/{personId:guid}/guardian-consent", ConfirmGuardianAsync).WithTags("Consent")
            .WithSummary("Confirm that a young person's parent or guardian agreed to sharing with employers")
            .RequireAuthorization(Policies.Coach)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public sealed record ConsentRequestBody(IReadOnlyList<string?>? Categories, string? Purpose, DateTimeOffset? ExpiresAt);

    public sealed record EndorsementBody(string? SkillId, string? Evidence);

    public sealed record EndorsementCreated(Guid Id, Guid PersonId, string SkillId, string Status);

    public sealed record GuardianConsentBody(string? GuardianName, string? Method);

    public sealed record SharedPersonResponse(Guid PersonId, IReadOnlyList<string> Categories, IReadOnlyList<string> Purposes, DateTimeOffset? ExpiresAt);

    public sealed record RequestResponse(Guid Id, Guid PersonId, IReadOnlyList<string> Categories, string Purpose, string Status, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

    private static async Task<Results<Ok<SharedPassport>, ProblemHttpResult>> GetPassportAsync(
        Guid personId, HttpContext context, IPersonalData personalData, ApiProblems problems)
    {
        var passport = await personalData.ReadAsync(context.User, personId, DataCategories.All, AccessChannel.Api, context.RequestAborted);
        return passport is null ? NotFound(problems) : TypedResults.Ok(passport);
    }

    private static async Task<Ok<SharedPersonResponse[]>> ListSharedAsync(ListPage page, HttpContext context, ConsentService consents)
    {
        var people = await consents.ListSharedWithAsync(context.User.GetOrganisationId()!.Value, page.Request, context.RequestAborted);
        return page.Ok(people
            .Select(person => new SharedPersonResponse(person.PersonId, [.. person.Categories.Select(DataCategories.Name)], person.Purposes, person.ExpiresAt)));
    }

    private static async Task<Ok<RequestResponse[]>> ListRequestsAsync(ListPage page, HttpContext context, ConsentService consents)
    {
        var rows = await consents.ListRequestsOfAsync(context.User.GetOrganisationId()!.Value, page.Request, context.RequestAborted);
        return page.Ok(rows
            .Select(row => new RequestResponse(
                row.Id, row.UserId, [.. DataCategories.ParseStored(row.Categories).Select(DataCategories.Name)], row.Purpose,
                System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(row.Status), row.CreatedAt, row.DecidedAt)));
    }

    private static async Task<Results<Created<RequestResponse>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        Guid personId, ConsentRequestBody body, HttpContext context, ConsentService consents, OutcomeResults results) =>
        results.ToHttp(
            await consents.RequestAsync(context.User, personId, body.Categories, body.Purpose, body.ExpiresAt, context.RequestAborted),
            requested => TypedResults.Created(
                $"/api/people/requests",
                new RequestResponse(requested.Id, personId, [.. requested.Categories.Select(DataCategories.Name)], requested.Purpose, "requested", requested.CreatedAt, null)));

    /// <summary>
    /// Endorsing is acting on someone, not reading them, so it is not logged; it needs the person's consent for
    /// their skills to the endorser's organisation, because an endorsement speaks about what was shared.
    /// </summary>
    private static async Task<Results<Created<EndorsementCreated>, ValidationProblem, ProblemHttpResult>> EndorseAsync(
        Guid personId, EndorsementBody body, HttpContext context, IPersonalData personalData, EndorsementService endorsements,
        OutcomeResults results, ApiProblems problems)
    {
        if (!await personalData.HoldsConsentAsync(context.User, personId, DataCategory.Skills, context.RequestAborted))
        {
            return NotFound(problems);
        }

        return results.ToHttp(
            await endorsements.ProposeAsync(
                context.User.GetUserId()!.Value, context.User.GetOrganisationId()!.Value, personId, body.SkillId ?? "", body.Evidence ?? "", context.RequestAborted),
            id => TypedResults.Created("/api/people/requests", new EndorsementCreated(id, personId, body.SkillId!, "pending")));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ConfirmGuardianAsync(
        Guid personId, GuardianConsentBody body, HttpContext context, ConsentService consents, OutcomeResults results) =>
        results.ToHttp(
            await consents.ConfirmGuardianAsync(context.User, personId, body.GuardianName, body.Method, context.RequestAborted), _ => TypedResults.NoContent());

    private static ProblemHttpResult NotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Consent.Problem.PersonNotFound.Title", "Consent.Problem.PersonNotFound.Detail");
}
