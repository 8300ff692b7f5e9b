using System.Security.Claims;
using Microsoft.Extensions.Options;
using Passport.Application.Accounts;
using Passport.Application.Consent;
using Passport.Application.PersonalData;
using Passport.Data.Matching;
using Passport.Data.Vacancies;
using Passport.Domain.Consent;
using Passport.Domain.Validation;
using Passport.Grains.Consent;
using MatchOutcome = Passport.Matching.Outcome;

namespace Passport.Application.Matching;

/// <summary>
/// The employer's side of one vacancy's candidates, shared by the API and the pages so both check and act alike:
/// only the employer's own vacancy, a candidate reference of that vacancy, the invitation (the consent request of
/// the consent feature), the shared data once the candidate said yes, and the employer's outcomes.
/// </summary>
public sealed class EmployerCandidates(
    VacancyRepository vacancies,
    MatchRepository matches,
    CandidateRepository candidates,
    ConsentService consents,
    IPersonalData personalData,
    CandidateMatcher matcher,
    IGrainFactory grains,
    MatchWords words,
    IOptions<LimitOptions> limits,
    TimeProvider time)
{
    private const string CandidateNotFound = "Match.Problem.CandidateNotFound";

    private static readonly string[] InvitedCategories = [DataCategory.Skills.Name(), DataCategory.Experiences.Name(), DataCategory.Contact.Name()];

    /// <summary>The vacancy when it belongs to the employer's organisation; another organisation's is not found, like an unknown id.</summary>
    public async Task<VacancyRecord?> OwnVacancyAsync(Guid vacancyId, ClaimsPrincipal employer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(employer);
        return await vacancies.GetAsync(vacancyId, cancellationToken) is { } vacancy && vacancy.OrganisationId == employer.GetOrganisationId()
            ? vacancy
            : null;
    }

    /// <summary>
    /// The ranked list of the vacancy (<see cref="CandidateMatcher.RankAsync"/>) with the candidates who said they are
    /// interested in it beside it, so the API and the page show both alike.
    /// </summary>
    public async Task<CandidateListResponse> RankAsync(
        VacancyRecord vacancy, ClaimsPrincipal employer, int top, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        var list = await matcher.RankAsync(vacancy, employer, top, channel, cancellationToken);
        return list with { Interested = await InterestedAsync(vacancy, cancellationToken) };
    }

    /// <summary>A candidate shown for this vacancy under <paramref name="candidateRef"/>; a reference of another vacancy is not found.</summary>
    public Task<MatchCandidateRow?> CandidateAsync(Guid vacancyId, string candidateRef, CancellationToken cancellationToken = default) =>
        matches.FindAsync(vacancyId, candidateRef, cancellationToken);

    /// <summary>
    /// The candidate as the employer may see them: invitation, interest, outcome and, once they share with the
    /// organisation, what they share. The gate decides and logs, as for every read of someone's data; without consent
    /// nothing is shared. <see cref="CandidateDetail.Contact"/> is the one answer to "may we invite this person?".
    /// </summary>
    public async Task<CandidateDetail> DetailAsync(
        MatchCandidateRow row, ClaimsPrincipal employer, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(employer);
        var shared = await personalData.ReadAsync(employer, row.UserId, DataCategories.All, channel, cancellationToken);
        var invitation = await matcher.InvitationAsync(row);
        var interest = await MyJobs.InterestOfAsync(grains, row);
        var contact = interest is { Status: "granted" } ? "interested"
            : invitation is not null ? "invited"
            : await RequestWaitingAsync(row.UserId, employer) ? "askedElsewhere"
            : shared is not null ? "shares"
            : "none";
        return new CandidateDetail(row.CandidateRef, invitation, interest, contact, OutcomeView.Of(row), shared);
    }

    /// <summary>
    /// The candidates who said they are interested in this vacancy and still are: their interest is their consent,
    /// so they are listed whether or not the ranker would list them or they can be found. Only the pseudonym, when,
    /// and what they chose to share; opening one reads through the door.
    /// </summary>
    public async Task<IReadOnlyList<InterestedCandidate>> InterestedAsync(VacancyRecord vacancy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        var interested = new List<InterestedCandidate>();
        foreach (var row in await matches.ListInterestedAsync(vacancy.Id, cancellationToken))
        {
            if (await MyJobs.InterestOfAsync(grains, row) is { Status: "granted" } interest)
            {
                interested.Add(new InterestedCandidate(row.CandidateRef, interest.InterestedAt, interest.Categories, OutcomeView.Of(row)));
            }
        }

        return interested;
    }

    // The consent feature allows one waiting request per organisation and person: one sent for another vacancy (or
    // from the people page) means this one cannot be sent until they answer.
    private async Task<bool> RequestWaitingAsync(Guid personId, ClaimsPrincipal employer) =>
        employer.GetOrganisationId() is { } organisationId
        && (await grains.GetGrain<IConsentGrain>(personId).ListAsync())
            .Any(consent => consent.Status == ConsentStatus.Requested && consent.AudienceOrganisationId == organisationId);

    /// <summary>
    /// Invites the candidate: asks them to share their skills, experience and contact details (the consent request,
    /// with its rules and limits). The purpose is what the candidate reads, so by default it is written in their
    /// language. Someone who stopped being findable since the list was shown cannot be invited from it any more (not
    /// found); a vacancy with all the invitations it may have is at its limit (<see cref="LimitOptions.InvitationsPerVacancy"/>).
    /// </summary>
    public async Task<Outcome<InvitationView>> InviteAsync(
        VacancyRecord vacancy, MatchCandidateRow row, ClaimsPrincipal employer, string? purpose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(row);
        if (!(await candidates.StillFindableAsync([row.UserId], cancellationToken)).TryGetValue(row.UserId, out var language))
        {
            return Outcome.Fail<InvitationView>(OutcomeStatus.NotFound, CandidateNotFound);
        }

        var perVacancy = limits.Value.InvitationsPerVacancy;
        if (row.InvitedAt is null && await matches.CountInvitedAsync(vacancy.Id, cancellationToken) >= perVacancy)
        {
            return Outcome.LimitReached<InvitationView>("Invitations", perVacancy);
        }

        var said = string.IsNullOrWhiteSpace(purpose) ? words.InLanguage(language, "Match.Invitation.Purpose", vacancy.Vacancy.TitleIn(language)) : purpose;
        var outcome = await consents.RequestAsync(employer, row.UserId, InvitedCategories, said, null, cancellationToken);
        switch (outcome.Status)
        {
            case OutcomeStatus.Done:
                var now = time.GetUtcNow();
                await matches.SetInvitationAsync(vacancy.Id, row.UserId, outcome.Value!.Id, now, cancellationToken);
                return Outcome.Done(new InvitationView(outcome.Value.Id, "requested", now));
            case OutcomeStatus.NotFound:
                // The candidate as this vacancy knows them, not as a person.
                return Outcome.Fail<InvitationView>(OutcomeStatus.NotFound, CandidateNotFound);
            default:
                return outcome.As<InvitationView>();
        }
    }

    /// <summary>Reads an outcome by name (hired, interviewed, shortlisted, viewed, rejected; any case); numbers are refused.</summary>
    public static bool TryParseOutcome(string? text, out MatchOutcome outcome) =>
        Enum.TryParse(text, ignoreCase: true, out outcome) && Enum.IsDefined(outcome) && !int.TryParse(text, out _);

    /// <summary>The errors for an outcome <see cref="TryParseOutcome"/> refused.</summary>
    public static ValidationErrors UnknownOutcome()
    {
        var errors = new ValidationErrors();
        errors.Add("outcome", "Match.Outcome.Unknown");
        return errors;
    }

    /// <summary>
    /// Records what happened with the candidate; retraining learns from it. "Hired" weighs most, so it is recorded
    /// only when <paramref name="confirmed"/>: otherwise the errors ask for the confirmation (field <c>confirm</c>).
    /// </summary>
    public async Task<Outcome<OutcomeView>> RecordOutcomeAsync(
        MatchCandidateRow row, MatchOutcome outcome, bool confirmed, ClaimsPrincipal employer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(employer);
        if (NeedsConfirmation(outcome, confirmed))
        {
            var errors = new ValidationErrors();
            errors.Add("confirm", "Match.Outcome.ConfirmHired");
            return Outcome.Invalid<OutcomeView>(errors);
        }

        var now = time.GetUtcNow();
        await matches.SetOutcomeAsync(row.VacancyId, row.UserId, outcome.ToString(), employer.GetUserId()!.Value, now, cancellationToken);
        return Outcome.Done(new OutcomeView(outcome.ToString().ToLowerInvariant(), now));
    }

    /// <summary>Whether recording <paramref name="outcome"/> still needs the employer to confirm it: a hire does.</summary>
    public static bool NeedsConfirmation(MatchOutcome outcome, bool confirmed) => outcome == MatchOutcome.Hired && !confirmed;
}
