using Microsoft.Extensions.Options;
using Passport.Data.Matching;
using Passport.Data.Vacancies;
using Passport.Domain.Consent;
using Passport.Domain.Validation;
using Passport.Matching;
using Passport.Web.Accounts;
using Passport.Web.Consent;
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
    private static readonly string[] InvitedCategories = [DataCategory.Skills.Name(), DataCategory.Experiences.Name(), DataCategory.Contact.Name()];

    public static IEndpointRouteBuilder MapEmployerMatchesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/employer/vacancies/{id:guid}").WithTags("Matching").RequireAuthorization(Policies.Employer);
        group.MapGet("/matches", MatchesAsync).WithSummary("Ranked candidates without names for your vacancy (advice, never a decision)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/candidates/{candidateRef}", CandidateAsync)
            .WithSummary("One candidate of the vacancy: invitation, outcome, and what they share with you once they said yes")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/candidates/{candidateRef}/invitation", InviteAsync)
            .WithSummary("Invite a candidate: asks them to share their skills, experience and contact details with you")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/candidates/{candidateRef}/outcome", RecordOutcomeAsync)
            .WithSummary("Record what happened with a candidate: hired, interviewed, shortlisted, viewed or rejected")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public sealed record InvitationRequest(string? Purpose);

    public sealed record OutcomeRequest(string? Outcome);

    /// <summary>A candidate of one vacancy; <c>shared</c> holds what they share with your organisation now, else null.</summary>
    public sealed record CandidateDetail(string CandidateRef, InvitationView? Invitation, OutcomeView? Outcome, SharedPassport? Shared);

    private static async Task<Results<Ok<CandidateListResponse>, ValidationProblem, ProblemHttpResult>> MatchesAsync(
        Guid id, int? top, HttpContext context, VacancyRepository vacancies, CandidateMatcher matcher,
        IOptions<MatchingOptions> options, ValidationMessages messages, ApiProblems problems)
    {
        var count = top ?? options.Value.DefaultTop;
        if (count < 1 || count > options.Value.MaxTop)
        {
            var errors = new ValidationErrors();
            errors.Add("top", "Match.Top.OutOfRange", options.Value.MaxTop);
            return messages.Problem(errors);
        }

        if (await OwnVacancyAsync(id, context, vacancies) is not { } vacancy)
        {
            return VacancyNotFound(problems);
        }

        return TypedResults.Ok(await matcher.RankAsync(vacancy, context.User, count, context.RequestAborted));
    }

    private static async Task<Results<Ok<CandidateDetail>, ProblemHttpResult>> CandidateAsync(
        Guid id, string candidateRef, HttpContext context, VacancyRepository vacancies, MatchRepository matches,
        CandidateMatcher matcher, PersonalDataGate gate, SharedPassportReader reader, ApiProblems problems)
    {
        if (await OwnVacancyAsync(id, context, vacancies) is null)
        {
            return VacancyNotFound(problems);
        }

        if (await matches.FindAsync(id, candidateRef, context.RequestAborted) is not { } row)
        {
            return CandidateNotFound(problems);
        }

        // The gate decides and logs, as for every read of someone's data; without consent nothing is shared.
        var access = await gate.AuthorizeReadAsync(context.User, row.UserId, DataCategories.All, AccessChannel.Api, context.RequestAborted);
        var shared = access.Categories.Count > 0 ? await reader.ReadAsync(row.UserId, access.Categories, context.RequestAborted) : null;
        return TypedResults.Ok(new CandidateDetail(row.CandidateRef, await matcher.InvitationAsync(row), Outcome(row), shared));
    }

    private static async Task<Results<Created<InvitationView>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        Guid id, string candidateRef, InvitationRequest? body, HttpContext context, VacancyRepository vacancies,
        MatchRepository matches, CandidateRepository candidates, ConsentService consents, MatchWords words, TimeProvider time,
        ValidationMessages messages, ApiProblems problems)
    {
        if (await OwnVacancyAsync(id, context, vacancies) is not { } vacancy)
        {
            return VacancyNotFound(problems);
        }

        if (await matches.FindAsync(id, candidateRef, context.RequestAborted) is not { } row)
        {
            return CandidateNotFound(problems);
        }

        // Someone who stopped being findable since the list was shown cannot be invited from it any more.
        if (!(await candidates.StillFindableAsync([row.UserId], context.RequestAborted)).TryGetValue(row.UserId, out var language))
        {
            return CandidateNotFound(problems);
        }

        // The purpose is what the candidate reads, so by default it is written in their language.
        var purpose = string.IsNullOrWhiteSpace(body?.Purpose)
            ? words.InLanguage(language, "Match.Invitation.Purpose", vacancy.Vacancy.Title)
            : body.Purpose;
        var outcome = await consents.RequestAsync(context.User, row.UserId, InvitedCategories, purpose, null, context.RequestAborted);
        switch (outcome.Kind)
        {
            case ConsentOutcomeKind.Done:
                var now = time.GetUtcNow();
                await matches.SetInvitationAsync(id, row.UserId, outcome.Consent!.Id, now, context.RequestAborted);
                return TypedResults.Created(
                    $"/api/employer/vacancies/{id}/candidates/{row.CandidateRef}",
                    new InvitationView(outcome.Consent.Id, "requested", now));
            case ConsentOutcomeKind.Invalid:
                return messages.Problem(outcome.Errors!);
            case ConsentOutcomeKind.RequestPending:
                return problems.Create(StatusCodes.Status409Conflict, "Consent.Problem.RequestPending.Title", "Consent.Problem.RequestPending.Detail");
            default:
                return CandidateNotFound(problems);
        }
    }

    private static async Task<Results<Ok<OutcomeView>, ValidationProblem, ProblemHttpResult>> RecordOutcomeAsync(
        Guid id, string candidateRef, OutcomeRequest? body, HttpContext context, VacancyRepository vacancies,
        MatchRepository matches, TimeProvider time, ValidationMessages messages, ApiProblems problems)
    {
        if (!Enum.TryParse<Outcome>(body?.Outcome, ignoreCase: true, out var outcome) || !Enum.IsDefined(outcome) || int.TryParse(body!.Outcome, out _))
        {
            var errors = new ValidationErrors();
            errors.Add("outcome", "Match.Outcome.Unknown");
            return messages.Problem(errors);
        }

        if (await OwnVacancyAsync(id, context, vacancies) is null)
        {
            return VacancyNotFound(problems);
        }

        if (await matches.FindAsync(id, candidateRef, context.RequestAborted) is not { } row)
        {
            return CandidateNotFound(problems);
        }

        var now = time.GetUtcNow();
        await matches.SetOutcomeAsync(id, row.UserId, outcome.ToString(), context.User.GetUserId()!.Value, now, context.RequestAborted);
        return TypedResults.Ok(new OutcomeView(outcome.ToString().ToLowerInvariant(), now));
    }

    private static OutcomeView? Outcome(MatchCandidateRow row) =>
        row.Outcome is { } outcome && row.OutcomeAt is { } at ? new OutcomeView(outcome.ToLowerInvariant(), at) : null;

    private static async Task<VacancyRecord?> OwnVacancyAsync(Guid id, HttpContext context, VacancyRepository vacancies) =>
        await vacancies.GetAsync(id, context.RequestAborted) is { } vacancy && vacancy.OrganisationId == context.User.GetOrganisationId()
            ? vacancy
            : null;

    // Another organisation's vacancy is "not found" too, so ids reveal nothing about other employers.
    private static ProblemHttpResult VacancyNotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Problem.VacancyNotFound.Title", "Problem.VacancyNotFound.Detail");

    private static ProblemHttpResult CandidateNotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Match.Problem.CandidateNotFound.Title", "Match.Problem.CandidateNotFound.Detail");
}
