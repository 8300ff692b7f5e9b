using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Application.Consent;
using Passport.Application.Localization;
using Passport.Application.Matching;
using Passport.Application.PersonalData;
using Passport.Data.Accounts;
using Passport.Data.Database;
using Passport.Data.JobSeekers;
using Passport.Data.Pathways;
using Passport.Domain.Consent;
using Passport.Domain.Pathways;
using Passport.Domain.Places;
using Passport.Grains.Pathways;
using Passport.Matching;
using Passport.Matching.Advice;

namespace Passport.Application.Pathways;

/// <summary>
/// One learning path for a job seeker, and the questions they ask its provider; the provider's side of those
/// questions. Asking gives a consent (category contact, to the provider's organisation, the purpose naming the path)
/// through the consent feature; the provider reads the contact details only through the one door, so the young
/// person's access log shows every read and stopping the consent hides them. Shared by the API and the pages.
/// </summary>
public sealed class PathwayQuestions(
    PathwayRepository pathways,
    PathwayQuestionRepository questions,
    MyMatcher matcher,
    ConsentService consents,
    IPersonalData personalData,
    JobSeekerRepository jobSeekers,
    PlaceCatalog places,
    UserStore users,
    MatchWords words,
    TimeProvider time)
{
    private const string PathwayNotFound = "MyPathway.Problem.NotFound";
    private const string ProviderPathwayNotFound = "Pathways.Problem.NotFound";
    private const string TooManyQuestions = "PathwayQuestion.Problem.TooMany";

    /// <summary>A pathway on offer (open or full) with what it would do for the job seeker; drafts and closed ones are not found.</summary>
    public async Task<Outcome<MyPathwayDetail>> DetailAsync(ClaimsPrincipal seeker, Guid pathwayId, CancellationToken cancellationToken = default)
    {
        var userId = SeekerId(seeker);
        if (await OnOfferAsync(pathwayId, cancellationToken) is not { } view)
        {
            return Outcome.Fail<MyPathwayDetail>(OutcomeStatus.NotFound, PathwayNotFound);
        }

        var offer = PathwayOffers.Offer(view);
        var home = places.Find((await jobSeekers.GetPreferencesAsync(userId, cancellationToken)).HomePlace);
        int? distance = home is null || offer.Location is not { } at
            ? null
            : MatchWords.RoundedKm(Geo.DistanceKm(new GeoPoint(home.Latitude, home.Longitude), at));
        var content = view.Content;
        return Outcome.Done(new MyPathwayDetail(
            view.Id,
            content.TitleIn(TextLanguage.Current()),
            new MyPathwayDetail.ProviderView(view.OrganisationId, view.OrganisationName),
            view.Status.ToString().ToLowerInvariant(),
            content.Place,
            distance,
            content.StartsOn,
            content.EndsOn,
            content.DurationWeeks,
            [.. content.Modules.Select(module => new MyPathwayDetail.ModuleView(content.ModuleTitleIn(module, TextLanguage.Current()), module.Weeks))],
            [.. content.Gains.Select(gain => new MyPathwayDetail.TaughtSkillView(gain.SkillId, words.SkillName(gain.SkillId), gain.ExpectedGain))],
            [.. content.EntryRequirements.Select(requirement => new MyPathwayDetail.EntryLevelView(
                requirement.SkillId, words.SkillName(requirement.SkillId), requirement.MinimumLevel))],
            await matcher.PathwayAsync(userId, offer, cancellationToken),
            await MineAsync(seeker, userId, pathwayId, cancellationToken)));
    }

    /// <summary>
    /// The job seeker asks the provider about a pathway on offer and agrees to share their contact details with the
    /// provider's organisation. A consent of an earlier question about the same pathway that still holds is used
    /// again; otherwise a new one is given. At most <see cref="PathwayQuestion.MaxPerPathway"/> questions per pathway.
    /// </summary>
    public async Task<Outcome<MyPathwayQuestion>> AskAsync(
        ClaimsPrincipal seeker, Guid pathwayId, PathwayQuestion question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        var userId = SeekerId(seeker);
        if (await OnOfferAsync(pathwayId, cancellationToken) is not { } view)
        {
            return Outcome.Fail<MyPathwayQuestion>(OutcomeStatus.NotFound, PathwayNotFound);
        }

        var errors = question.Validate();
        if (!errors.IsValid)
        {
            return Outcome.Invalid<MyPathwayQuestion>(errors);
        }

        var earlier = await MineAsync(seeker, userId, pathwayId, cancellationToken);
        if (earlier.Count >= PathwayQuestion.MaxPerPathway)
        {
            return Outcome.Fail<MyPathwayQuestion>(OutcomeStatus.Conflict, TooManyQuestions, PathwayQuestion.MaxPerPathway);
        }

        Guid consentId;
        if (earlier.LastOrDefault(asked => asked.SharesContact) is { } holding)
        {
            consentId = holding.ConsentId;
        }
        else
        {
            var language = (await users.FindByIdAsync(userId.ToString(), cancellationToken))?.Language ?? Domain.Accounts.Languages.Default;
            var purpose = words.InLanguage(language, "PathwayQuestion.Purpose", view.Content.TitleIn(language));
            var shared = await consents.ShareAsync(
                userId, new ConsentInput(view.OrganisationId, null, false, [DataCategory.Contact.Name()], purpose, null), cancellationToken);
            if (!shared.IsDone)
            {
                return shared.As<MyPathwayQuestion>();
            }

            consentId = shared.Value!.Id;
        }

        var row = new PathwayQuestionRow
        {
            Id = Guid.CreateVersion7(),
            PathwayId = view.Id,
            OrganisationId = view.OrganisationId,
            UserId = userId,
            ConsentId = consentId,
            Question = question.Trimmed,
            AskedAt = time.GetUtcNow(),
        };
        await questions.AddAsync(row, cancellationToken);
        return Outcome.Done(new MyPathwayQuestion(row.Id, row.Question, row.AskedAt, consentId, SharesContact: true));
    }

    /// <summary>
    /// The questions about one of the provider's own pathways, oldest first (one page when <paramref name="page"/> is
    /// given), with its title in the reader's language, each with the asker's contact details while they share them with this organisation; only the askers on
    /// that page are read. Another provider's pathway is not found, like an unknown id.
    /// </summary>
    public async Task<Outcome<ProviderQuestions>> ForProviderAsync(
        ClaimsPrincipal staff, Guid pathwayId, PageRequest? page, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var stored = await pathways.GetAsync(pathwayId, cancellationToken);
        if (stored is null || staff.GetOrganisationId() is not { } organisationId || stored.Pathway.OrganisationId != organisationId)
        {
            return Outcome.Fail<ProviderQuestions>(OutcomeStatus.NotFound, ProviderPathwayNotFound);
        }

        var rows = await questions.ListForPathwayAsync(pathwayId, page, cancellationToken);
        var contacts = new Dictionary<Guid, ProviderQuestion.ContactView?>();
        // A page is read with one row more, to tell whether another follows; that row is not shown, so not read.
        foreach (var askerId in rows.Take(page?.PageSize ?? rows.Count).Select(row => row.UserId).Distinct())
        {
            // The door checks the consent and writes the asker's access log before it reads.
            var shared = await personalData.ReadAsync(staff, askerId, [DataCategory.Contact], channel, cancellationToken);
            contacts[askerId] = shared?.Contact is { } contact ? new ProviderQuestion.ContactView(contact.Name, contact.Email) : null;
        }

        return Outcome.Done(new ProviderQuestions(
            PathwayRows.ToView(stored).Content.TitleIn(TextLanguage.Current()),
            [.. rows.Select(row => new ProviderQuestion(row.Id, row.Question, row.AskedAt, contacts.GetValueOrDefault(row.UserId)))]));
    }

    /// <summary>How many questions each of the staff member's organisation's pathways has; counting reads nobody's data.</summary>
    public Task<IReadOnlyDictionary<Guid, int>> CountsAsync(ClaimsPrincipal staff, CancellationToken cancellationToken = default) =>
        questions.CountByPathwayAsync(
            staff?.GetOrganisationId() ?? throw new InvalidOperationException("Only staff of an organisation have pathways."), cancellationToken);

    private async Task<IReadOnlyList<MyPathwayQuestion>> MineAsync(ClaimsPrincipal seeker, Guid userId, Guid pathwayId, CancellationToken cancellationToken)
    {
        var rows = await questions.ListOfUserAsync(userId, pathwayId, cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var granted = (await consents.ListMineAsync(seeker))
            .Where(consent => consent.Status == ConsentStatus.Granted)
            .Select(consent => consent.Id)
            .ToHashSet();
        return [.. rows.Select(row => new MyPathwayQuestion(row.Id, row.Question, row.AskedAt, row.ConsentId, granted.Contains(row.ConsentId)))];
    }

    private async Task<PathwayView?> OnOfferAsync(Guid pathwayId, CancellationToken cancellationToken) =>
        await pathways.GetAsync(pathwayId, cancellationToken) is { } stored
        && PathwayRows.ToView(stored) is { Status: PathwayStatus.Open or PathwayStatus.Full } view
            ? view
            : null;

    private static Guid SeekerId(ClaimsPrincipal seeker) =>
        seeker?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in job seeker has learning paths.");
}
