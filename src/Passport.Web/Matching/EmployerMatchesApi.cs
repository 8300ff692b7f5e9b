using Microsoft.Extensions.Options;
using Passport.Application.Matching;
using Passport.Application.PersonalData;
using Passport.Domain.Vacancies;
using Passport.Domain.Validation;
using Passport.Matching;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Matching;

/// <summary>
/// <c>/api/employer/vacancies/{id}/…</c>: ranked, pseudonymous candidates for the employer's own vacancy; inviting
/// one (the consent request of the consent feature); the granted categories once they said yes; and the employer's
/// outcomes, which retraining learns from. Another employer's vacancy, and a reference from another vacancy, are
/// simply not found.
/// </summary>
public static class EmployerMatchesApi
{
    /// <summary>Candidate lists per organisation (API and page alike): each list is a read of many people's data.</summary>
    public const string MatchesRateLimitPolicy = "matches";

    public static IEndpointRouteBuilder MapEmployerMatchesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/employer/vacancies/{id:guid}").WithTags("Matching").RequireAuthorization(Policies.Employer);
        group.MapGet("/matches", MatchesAsync).WithSummary("Ranked candidates without names for your published vacancy (advice, never a decision)")
            .RequireRateLimiting(MatchesRateLimitPolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapGet("/candidates/{candidateRef}", CandidateAsync)
            .WithSummary("One candidate of the vacancy: invitation, outcome, and what they share with you once they said yes")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/candidates/{candidateRef}/invitation", InviteAsync)
            .WithSummary("Invite a candidate: asks them to share their skills, experience and contact details with you")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPut("/candidates/{candidateRef}/outcome", RecordOutcomeAsync)
            .WithSummary("Record what happened with a candidate: hired (with confirm: true), interviewed, shortlisted, viewed or rejected")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public sealed record InvitationRequest(string? Purpose);

    /// <summary>An outcome; <c>confirm</c> must be true to record <c>hired</c>, which weighs most.</summary>
    public sealed record OutcomeRequest(string? Outcome, bool? Confirm);

    private static async Task<Results<Ok<CandidateListResponse>, ValidationProblem, ProblemHttpResult>> MatchesAsync(
        Guid id, int? top, HttpContext context, EmployerCandidates employer,
        IOptions<MatchingOptions> options, ValidationMessages messages, ApiProblems problems)
    {
        var count = top ?? options.Value.DefaultTop;
        if (count < 1 || count > options.Value.MaxTop)
        {
            var errors = new ValidationErrors();
            errors.Add("top", "Match.Top.OutOfRange", options.Value.MaxTop);
            return messages.Problem(errors);
        }

        if (await employer.OwnVacancyAsync(id, context.User, context.RequestAborted) is not { } vacancy)
        {
            return VacancyNotFound(problems);
        }

        // People agreed to be found for vacancies on offer: a draft or a closed vacancy ranks nobody.
        if (vacancy.Status != VacancyStatus.Published)
        {
            return problems.Create(StatusCodes.Status409Conflict, "Match.Problem.NotPublished.Title", "Match.Problem.NotPublished.Detail");
        }

        return TypedResults.Ok(await employer.RankAsync(vacancy, context.User, count, AccessChannel.Api, context.RequestAborted));
    }

    private static async Task<Results<Ok<CandidateDetail>, ProblemHttpResult>> CandidateAsync(
        Guid id, string candidateRef, HttpContext context, EmployerCandidates employer, ApiProblems problems)
    {
        if (await employer.OwnVacancyAsync(id, context.User, context.RequestAborted) is null)
        {
            return VacancyNotFound(problems);
        }

        if (await employer.CandidateAsync(id, candidateRef, context.RequestAborted) is not { } row)
        {
            return CandidateNotFound(problems);
        }

        return TypedResults.Ok(await employer.DetailAsync(row, context.User, AccessChannel.Api, context.RequestAborted));
    }

    private static async Task<Results<Created<InvitationView>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        Guid id, string candidateRef, InvitationRequest? body, HttpContext context, EmployerCandidates employer, OutcomeResults results, ApiProblems problems)
    {
        if (await employer.OwnVacancyAsync(id, context.User, context.RequestAborted) is not { } vacancy)
        {
            return VacancyNotFound(problems);
        }

        if (await employer.CandidateAsync(id, candidateRef, context.RequestAborted) is not { } row)
        {
            return CandidateNotFound(problems);
        }

        return results.ToHttp(
            await employer.InviteAsync(vacancy, row, context.User, body?.Purpose, context.RequestAborted),
            invitation => TypedResults.Created($"/api/employer/vacancies/{id}/candidates/{row.CandidateRef}", invitation));
    }

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> RecordOutcomeAsync(
        Guid id, string candidateRef, OutcomeRequest? body, HttpContext context, EmployerCandidates employer,
        ValidationMessages messages, ApiProblems problems, OutcomeResults results)
    {
        if (!EmployerCandidates.TryParseOutcome(body?.Outcome, out var outcome))
        {
            return messages.Problem(EmployerCandidates.UnknownOutcome());
        }

        if (await employer.OwnVacancyAsync(id, context.User, context.RequestAborted) is null)
        {
            return VacancyNotFound(problems);
        }

        if (await employer.CandidateAsync(id, candidateRef, context.RequestAborted) is not { } row)
        {
            return CandidateNotFound(problems);
        }

        return results.ToHttp(
            await employer.RecordOutcomeAsync(row, outcome, body?.Confirm == true, context.User, context.RequestAborted),
            recorded => TypedResults.Ok(recorded));
    }

    // Another organisation's vacancy is "not found" too, so ids reveal nothing about other employers.
    private static ProblemHttpResult VacancyNotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Problem.VacancyNotFound.Title", "Problem.VacancyNotFound.Detail");

    private static ProblemHttpResult CandidateNotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Match.Problem.CandidateNotFound.Title", "Match.Problem.CandidateNotFound.Detail");
}
