using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Passport.Application.Accounts;
using Passport.Application.Consent;
using Passport.Application.Localization;
using Passport.Data.Matching;
using Passport.Data.Vacancies;
using Passport.Domain.Consent;
using Passport.Domain.Vacancies;
using Passport.Domain.Validation;
using Passport.Grains.Consent;

namespace Passport.Application.Matching;

/// <summary>
/// A job seeker's own side of one vacancy, shared by the API and the page: the vacancy with how they compare, and
/// their interest in it. Interest is the mirror of an employer's invitation: a consent the job seeker gives the
/// vacancy's employer for that vacancy, sharing what they choose, so the employer sees them as interested; they
/// withdraw it as any consent. Only published vacancies can be read or chosen; any other is not found.
/// </summary>
public sealed class MyJobs(
    VacancyRepository vacancies,
    MatchRepository matches,
    MyMatcher matcher,
    ConsentService consents,
    IGrainFactory grains,
    IStringLocalizer<ApplicationTexts> texts,
    TimeProvider time)
{
    private const string JobNotFound = "Match.Problem.JobNotFound";
    private const string AlreadyInterested = "Match.Problem.AlreadyInterested";
    private const string NotInterested = "Match.Problem.NotInterested";

    /// <summary>What a job seeker can share with an employer for a vacancy: what an employer's invitation asks.</summary>
    public static IReadOnlyList<DataCategory> Shareable { get; } = [DataCategory.Skills, DataCategory.Experiences, DataCategory.Contact];

    public async Task<Outcome<MyJobResponse>> GetAsync(ClaimsPrincipal me, Guid vacancyId, CancellationToken cancellationToken = default)
    {
        var userId = OwnerId(me);
        if (await PublishedAsync(vacancyId, cancellationToken) is not { } record)
        {
            return Outcome.Fail<MyJobResponse>(OutcomeStatus.NotFound, JobNotFound);
        }

        var job = await matcher.JobAsync(userId, record, cancellationToken);
        return Outcome.Done(new MyJobResponse(job, await InterestOfAsync(grains, await matches.FindForUserAsync(vacancyId, userId, cancellationToken))));
    }

    /// <summary>
    /// Says the job seeker is interested: grants the vacancy's employer the chosen categories (of <see cref="Shareable"/>)
    /// with the vacancy as the purpose, through the consent rules (a guardian's consent for a young teenager included).
    /// One interest at a time per vacancy (<see cref="OutcomeStatus.Conflict"/> while it stands).
    /// </summary>
    public async Task<Outcome<InterestView>> MarkInterestAsync(
        ClaimsPrincipal me, Guid vacancyId, IReadOnlyList<string?>? categories, CancellationToken cancellationToken = default)
    {
        var userId = OwnerId(me);
        if (await PublishedAsync(vacancyId, cancellationToken) is not { } record)
        {
            return Outcome.Fail<InterestView>(OutcomeStatus.NotFound, JobNotFound);
        }

        if (categories?.FirstOrDefault(name => name is not null && !Shareable.Any(category => category.Name() == name)) is { } other)
        {
            var errors = new ValidationErrors();
            errors.Add("categories", "Match.Interest.Category", other, string.Join(", ", Shareable.Select(DataCategories.Name)));
            return Outcome.Invalid<InterestView>(errors);
        }

        if (await InterestOfAsync(grains, await matches.FindForUserAsync(vacancyId, userId, cancellationToken)) is { Status: "granted" })
        {
            return Outcome.Fail<InterestView>(OutcomeStatus.Conflict, AlreadyInterested);
        }

        // The purpose is in the job seeker's language: they give it, and read it back among their consents.
        var purpose = texts["Match.Interest.Purpose", record.Vacancy.TitleIn(TextLanguage.Current())].Value;
        var shared = await consents.ShareAsync(userId, new ConsentInput(record.OrganisationId, null, false, categories, purpose, null), cancellationToken);
        if (!shared.IsDone)
        {
            return shared.As<InterestView>();
        }

        var consent = shared.Value!;
        var row = await matches.SetInterestAsync(vacancyId, userId, consent.Id, time.GetUtcNow(), cancellationToken);
        return Outcome.Done(View(consent, row.InterestedAt!.Value));
    }

    /// <summary>Withdraws the interest: revokes its consent at once (also for a vacancy closed since). Done with the consent's id.</summary>
    public async Task<Outcome<Guid>> WithdrawAsync(ClaimsPrincipal me, Guid vacancyId, CancellationToken cancellationToken = default)
    {
        var userId = OwnerId(me);
        var interest = await InterestOfAsync(grains, await matches.FindForUserAsync(vacancyId, userId, cancellationToken));
        if (interest is not { Status: "granted" })
        {
            return Outcome.Fail<Guid>(OutcomeStatus.NotFound, NotInterested);
        }

        return await consents.RevokeAsync(me, interest.ConsentId);
    }

    /// <summary>The interest a candidate row notes, as its consent stands now; null when there is none.</summary>
    public static async Task<InterestView?> InterestOfAsync(IGrainFactory grains, MatchCandidateRow? row)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (row is not { InterestConsentId: { } consentId, InterestedAt: { } at })
        {
            return null;
        }

        var consent = (await grains.GetGrain<IConsentGrain>(row.UserId).ListAsync()).FirstOrDefault(c => c.Id == consentId);
        return consent is null ? null : View(consent, at);
    }

    private static InterestView View(ConsentView consent, DateTimeOffset at) =>
        new(consent.Id, consent.Status.ToString().ToLowerInvariant(), at, [.. consent.Categories.Select(DataCategories.Name)]);

    private async Task<VacancyRecord?> PublishedAsync(Guid vacancyId, CancellationToken cancellationToken) =>
        await vacancies.GetAsync(vacancyId, cancellationToken) is { Status: VacancyStatus.Published } record ? record : null;

    private static Guid OwnerId(ClaimsPrincipal me) =>
        me?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in job seeker has jobs of their own.");
}
