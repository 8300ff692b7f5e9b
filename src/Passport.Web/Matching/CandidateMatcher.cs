using System.Security.Claims;
using Microsoft.Extensions.Options;
using Passport.Application.PersonalData;
using Passport.Data.Matching;
using Passport.Data.Vacancies;
using Passport.Domain.Consent;
using Passport.Grains.Consent;
using Passport.Matching;
using Passport.Matching.Advice;
using Passport.Matching.Candidates;
using Passport.Matching.Training;
using Passport.Web.Accounts;
using Passport.Web.Consent;

namespace Passport.Web.Matching;

/// <summary>
/// Ranks the findable passports for an employer's vacancy in two stages: the vectorised first stage over the whole
/// pool (must-haves, distance, a weighted-gap score) keeps the top <see cref="MatchingOptions.ShortlistSize"/>, the
/// learned ranker re-ranks those, and the top N are explained, given their per-vacancy pseudonyms and recorded with
/// the model version that produced them, each shown person's access log noting the view.
/// </summary>
public sealed class CandidateMatcher(
    CandidatePool pool,
    RankerStore rankers,
    MatchRepository matches,
    PathwayOffers pathways,
    TypicalCandidates typical,
    IGrainFactory grains,
    IPersonalData personalData,
    MatchWords words,
    IOptions<MatchingOptions> options,
    TimeProvider time)
{
    // A few more than asked are re-ranked in full, so people who stopped being findable can be left out.
    private const int Spare = 10;

    private const int ReasonBaselineSize = 200;

    private static readonly DataCategory[] ShownCategories = [DataCategory.Skills, DataCategory.Experiences];

    public async Task<CandidateListResponse> RankAsync(
        VacancyRecord vacancy, ClaimsPrincipal viewer, int top, AccessChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        ArgumentNullException.ThrowIfNull(viewer);
        var settings = options.Value;
        var snapshot = await pool.GetAsync(cancellationToken);
        var ranker = await rankers.GetAsync(cancellationToken);
        var profile = VacancyProfiles.From(vacancy.Id, vacancy.Vacancy);

        var shortlist = snapshot.Matrix.Shortlist(profile, settings.ShortlistSize, settings.MaxDistanceKm, out var eligible);
        var shortlisted = shortlist.Select(i => snapshot.Candidates[i]).ToList();
        var scores = ranker.Score(profile, [.. shortlisted.Select(candidate => candidate.Profile)]);
        var ranked = shortlisted.Select((candidate, i) => (Candidate: candidate, Score: scores[i]))
            .OrderByDescending(pair => pair.Score)
            .ThenBy(pair => pair.Candidate.UserId)
            .Take(top + Spare)
            .ToList();

        // The pool may be seconds old: the door shows only who is still findable, and logs each one it shows.
        var allowed = await personalData.ShowCandidatesAsync(
            viewer, vacancy.OrganisationId, [.. ranked.Select(pair => pair.Candidate.UserId)], top, ShownCategories,
            language => words.InLanguage(language, "Match.Log.Purpose", vacancy.Vacancy.Title), channel, cancellationToken);
        var shownIds = allowed.Select(candidate => candidate.PersonId).ToHashSet();
        var lastShown = allowed.Count == 0 ? -1 : ranked.FindIndex(pair => pair.Candidate.UserId == allowed[^1].PersonId);
        pool.Evict([.. ranked.Take(lastShown + 1).Select(pair => pair.Candidate.UserId).Where(id => !shownIds.Contains(id))]);
        var shown = ranked.Where(pair => shownIds.Contains(pair.Candidate.UserId)).ToList();

        var explanations = MatchExplainer.Explain(
            ranker, profile, [.. shown.Select(pair => pair.Candidate.Profile)], maxReasons: MatchWords.ReasonsAsked,
            // The shortlist's average, from an even sample of it: the same within noise, at a tenth of the cost.
            population: typical.TopUp(EvenSample.Of(shortlisted, ReasonBaselineSize, candidate => candidate.Profile)));
        var offers = await pathways.ListOpenAsync(cancellationToken);
        var now = time.GetUtcNow();
        var list = new MatchListRecord(
            Guid.CreateVersion7(), "Candidates", ranker.Metadata.Version, vacancy.Id, vacancy.OrganisationId,
            viewer.GetUserId(), null, eligible, now, []);
        var rows = await matches.RecordCandidateListAsync(
            list,
            [.. shown.Select(pair => pair.Candidate.UserId)],
            refs => [.. shown.Select(pair => new MatchListItem(refs[pair.Candidate.UserId].CandidateRef, Math.Round(pair.Score, 6)))],
            cancellationToken);

        var cards = new List<CandidateCard>(shown.Count);
        for (var i = 0; i < shown.Count; i++)
        {
            var (candidate, score) = shown[i];
            cards.Add(await CardAsync(candidate, score, i + 1, profile, explanations[i].Reasons, rows[candidate.UserId], offers));
        }

        return new CandidateListResponse(vacancy.Id, list.Id, ranker.Metadata.Version, eligible, words.Advice(), cards);
    }

    private async Task<CandidateCard> CardAsync(
        PoolCandidate candidate, float score, int rank, VacancyProfile vacancy, IReadOnlyList<MatchReason> reasons,
        MatchCandidateRow row, IReadOnlyList<PathwayOffer> offers)
    {
        var person = candidate.Profile;
        IReadOnlyList<PathwayOffer> Closers(SkillGap gap) => PathwayAdvice.Closers(person, gap, offers);
        return new CandidateCard(
            row.CandidateRef,
            rank,
            Math.Round(score, 4),
            [.. person.Skills.OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => new SkillLevelView(pair.Key, words.SkillName(pair.Key), pair.Value.Level, pair.Value.StandardError))],
            words.Reasons(Perspective.Them, reasons, person, vacancy, Closers),
            [.. PathwayAdvice.Gaps(person, vacancy).Select(gap => new GapView(
                gap.SkillId, words.SkillName(gap.SkillId), gap.Level, gap.MinimumLevel, [.. Closers(gap).Select(PathwayOffers.Ref)]))],
            [.. candidate.ExperienceKinds.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new ExperienceCount(pair.Key, pair.Value))],
            person.Location is null ? null : MatchWords.RoundedKm(FeatureSchema.DistanceKmOf(person, vacancy)),
            person.HoursWanted is { } hours ? (int)hours : null,
            await InvitationAsync(row),
            OutcomeView.Of(row));
    }

    public async Task<InvitationView?> InvitationAsync(MatchCandidateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.ConsentId is not { } consentId || row.InvitedAt is not { } invitedAt)
        {
            return null;
        }

        var consents = await grains.GetGrain<IConsentGrain>(row.UserId).ListAsync();
        var consent = consents.FirstOrDefault(c => c.Id == consentId);
        return consent is null ? null : new InvitationView(consentId, consent.Status.ToString().ToLowerInvariant(), invitedAt);
    }
}
