using System.Security.Claims;
using Microsoft.Extensions.Options;
using Passport.Application.Accounts;
using Passport.Application.Insights;
using Passport.Application.PersonalData;
using Passport.Data.Matching;
using Passport.Data.Vacancies;
using Passport.Domain.Consent;
using Passport.Domain.Insights;
using Passport.Grains.Consent;
using Passport.Matching;
using Passport.Matching.Advice;
using Passport.Matching.Candidates;
using Passport.Matching.Cards;
using Passport.Matching.Training;

namespace Passport.Application.Matching;

/// <summary>
/// Ranks the findable passports for an employer's vacancy in two stages: the vectorised first stage over the whole
/// pool (must-haves, distance, a weighted-gap score) keeps the top <see cref="MatchingOptions.ShortlistSize"/>, the
/// learned ranker re-ranks those, and the top N are explained, given their per-vacancy pseudonyms and recorded with
/// the model version that produced them, each shown person's access log noting the view before the list leaves.
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

    /// <summary>The best <paramref name="top"/> candidates for a published vacancy, each view logged with the door it went through.</summary>
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
            language => words.InLanguage(language, "Match.Log.Purpose", vacancy.Vacancy.TitleIn(language)), channel, cancellationToken);
        var shownIds = allowed.Select(candidate => candidate.PersonId).ToHashSet();
        var lastShown = allowed.Count == 0 ? -1 : ranked.FindIndex(pair => pair.Candidate.UserId == allowed[^1].PersonId);
        pool.Evict([.. ranked.Take(lastShown + 1).Select(pair => pair.Candidate.UserId).Where(id => !shownIds.Contains(id))]);
        var shown = ranked.Where(pair => shownIds.Contains(pair.Candidate.UserId)).ToList();

        // What each card may show, made alike enough that two lists cannot be joined one-to-one; reasons and gaps are
        // worked out from those facts only, so cards that show the same facts read the same.
        var facts = LookAlikes.Generalise([.. shown.Select(pair => CardFacts.Of(pair.Candidate, profile))], settings.CardLookAlikes);
        var shownProfiles = facts.Select((card, i) => card.ToProfile($"card-{i}", profile)).ToList();
        var explanations = MatchExplainer.Explain(
            ranker, profile, shownProfiles, maxReasons: MatchWords.ReasonsAsked,
            // The shortlist's average, from an even sample of it: the same within noise, at a tenth of the cost.
            population: typical.TopUp(EvenSample.Of(shortlisted, ReasonBaselineSize, candidate => candidate.Profile)),
            // A card shows only the skills the vacancy asks; the others count as the average candidate's.
            onlySkills: profile.Skills.Select(requirement => requirement.SkillId).ToHashSet(StringComparer.Ordinal));
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
            cards.Add(await CardAsync(facts[i], shownProfiles[i], i + 1, profile, explanations[i].Reasons, rows[shown[i].Candidate.UserId], offers));
        }

        return new CandidateListResponse(
            vacancy.Id, list.Id, ranker.Metadata.Version, PeopleCountResponse.From(PeopleCount.Of(eligible)), words.Advice(), cards);
    }

    /// <summary>
    /// The card: the facts it may show (<see cref="CardFacts"/>), with reasons and gaps worked out from them alone and
    /// nothing said about what it holds back.
    /// </summary>
    private async Task<CandidateCard> CardAsync(
        CardFacts facts, CandidateProfile shownProfile, int rank, VacancyProfile vacancy, IReadOnlyList<MatchReason> reasons,
        MatchCandidateRow row, IReadOnlyList<PathwayOffer> offers)
    {
        var exact = facts.Skills.Where(skill => skill.LevelFrom is not null && skill.LevelFrom == skill.LevelTo).Select(skill => skill.SkillId)
            .ToHashSet(StringComparer.Ordinal);
        // A pathway closes a gap by levels, so it is only named for a gap whose level the card shows exactly.
        IReadOnlyList<PathwayOffer> Closers(SkillGap gap) => exact.Contains(gap.SkillId) ? PathwayAdvice.Closers(shownProfile, gap, offers) : [];
        return new CandidateCard(
            row.CandidateRef,
            rank,
            [.. facts.Skills.Where(skill => skill.Measured == true).Select(skill => new SkillLevelView(
                skill.SkillId, words.SkillName(skill.SkillId), skill.ReachesMinimum, skill.LevelFrom, skill.LevelTo, skill.Certainty,
                skill.Certainty is { } certainty ? words.Certainty(certainty) : null))],
            words.Reasons(Perspective.Them, reasons.Where(facts.MaySay), shownProfile, vacancy, Closers, exact.Contains),
            // Only gaps the card can tell: a skill below the minimum (or not measured) for everyone the card may stand for.
            [.. vacancy.Skills
                .Where(requirement => facts.Skills.Any(skill => skill.SkillId == requirement.SkillId && skill.ReachesMinimum == false))
                .OrderByDescending(requirement => requirement.Importance).ThenBy(requirement => requirement.SkillId, StringComparer.Ordinal)
                .Select(requirement =>
                {
                    var skill = facts.Skills.First(skill => skill.SkillId == requirement.SkillId);
                    var level = exact.Contains(skill.SkillId) ? skill.LevelFrom : null;
                    var gap = new SkillGap(skill.SkillId, level, requirement.MinimumLevel, requirement.Importance);
                    return new GapView(
                        skill.SkillId, words.SkillName(skill.SkillId), skill.Measured != false, level, requirement.MinimumLevel,
                        [.. Closers(gap).Select(PathwayOffers.Ref)]);
                })],
            facts.ExperienceKinds ?? [],
            facts is { DistanceFrom: { } near, DistanceTo: { } far } ? new BandView(CardBands.DistanceCode(near, far), words.Distance(near, far)) : null,
            facts.HoursBand is { } hours ? new BandView(hours, words.HoursBand(hours)) : null,
            [.. facts.HeldBack.Order(StringComparer.Ordinal)],
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
