using Microsoft.Extensions.Options;
using Passport.Application.Localization;
using Passport.Data.Matching;
using Passport.Data.Organisations;
using Passport.Data.Vacancies;
using Passport.Matching;
using Passport.Matching.Advice;
using Passport.Matching.Candidates;
using Passport.Matching.Training;

namespace Passport.Application.Matching;

/// <summary>
/// A job seeker's own side of matching: the published vacancies that fit them, with reasons and gaps, and the
/// pathways that would open the most vacancies. Works from their passport whether or not employers may find them.
/// Scores of the learned ranker only compare within one vacancy, so fit is expressed as a percentile among a sample
/// of the candidate pool (topped up with typical candidates while the pool is small) for that same vacancy.
/// </summary>
public sealed class MyMatcher(
    CandidateProfileReader reader,
    CandidatePool pool,
    RankerStore rankers,
    VacancyRepository vacancies,
    OrganisationRepository organisations,
    PathwayOffers pathways,
    TypicalCandidates typical,
    MatchRepository matches,
    MatchWords words,
    IOptions<MatchingOptions> options,
    TimeProvider time)
{
    private const int ReferenceSize = 200;

    /// <summary>The job seeker's best vacancies, recorded as a list shown to them (the ranker learns from what was shown).</summary>
    public Task<MyMatchesResponse> VacanciesAsync(Guid userId, int top, CancellationToken cancellationToken) =>
        VacanciesAsync(userId, top, recordShown: true, cancellationToken);

    /// <summary>
    /// As above; with <paramref name="recordShown"/> false nothing is recorded, for a glance that is not a list the
    /// person sees (the home's next step), so the ranker does not learn from lists nobody was shown.
    /// </summary>
    public async Task<MyMatchesResponse> VacanciesAsync(Guid userId, int top, bool recordShown, CancellationToken cancellationToken)
    {
        if (await MeAsync(userId, cancellationToken) is not { } me)
        {
            return new MyMatchesResponse(null, null, false, []);
        }

        var ranker = await rankers.GetAsync(cancellationToken);
        var snapshot = await pool.GetAsync(cancellationToken);
        // Typical candidates: an even sample of the pool, without the person themselves.
        var reference = typical.TopUp(EvenSample.Of(snapshot.Candidates, ReferenceSize, c => c.Profile, c => c.UserId != userId));
        var nearby = await NearbyAsync(me, cancellationToken);
        var offers = await pathways.ListOpenNearAsync(me, options.Value.MaxDistanceKm, cancellationToken);
        var employers = (await organisations.ListAsync(cancellationToken: cancellationToken)).ToDictionary(o => o.Id, o => o.Name);

        var scored = nearby.Select(v => (v.Record, v.Profile, Fit: FitOf(ranker, me, reference, v.Profile))).ToList();
        var best = scored.OrderByDescending(s => s.Fit).ThenBy(s => s.Record.Id).Take(top).ToList();
        var result = best.Select(s => Match(ranker, me, reference, offers, employers, s.Record, s.Profile, s.Fit)).ToList();

        if (!recordShown)
        {
            return new MyMatchesResponse(null, ranker.Metadata.Version, true, result) { Available = nearby.Count };
        }

        var list = new MatchListRecord(
            Guid.CreateVersion7(), "Vacancies", ranker.Metadata.Version, null, null, userId, userId, nearby.Count, time.GetUtcNow(),
            [.. best.Select(s => new MatchListItem(s.Record.Id.ToString(), s.Fit))]);
        await matches.RecordListAsync(list, cancellationToken);
        return new MyMatchesResponse(list.Id, ranker.Metadata.Version, true, result) { Available = nearby.Count };
    }

    public Task<MyPathwaysResponse> PathwaysAsync(Guid userId, CancellationToken cancellationToken) => PathwaysAsync(userId, int.MaxValue, cancellationToken);

    /// <summary>
    /// The best <paramref name="top"/> pathways within reach (as far as vacancies are looked for), most help first,
    /// then nearest; the recorded list holds exactly those shown.
    /// </summary>
    public async Task<MyPathwaysResponse> PathwaysAsync(Guid userId, int top, CancellationToken cancellationToken)
    {
        if (await MeAsync(userId, cancellationToken) is not { } me)
        {
            return new MyPathwaysResponse(null, false, []);
        }

        var nearby = await NearbyAsync(me, cancellationToken);
        var offers = await pathways.ListOpenNearAsync(me, options.Value.MaxDistanceKm, cancellationToken);
        var effects = PathwayAdvice.Rank(me, offers, [.. nearby.Select(v => v.Profile)]).Take(top).ToList();
        var result = effects.Select(effect => PathwayMatch(me, effect)).ToList();

        // Pathway advice is rules, not the learned model, so the list records no model version.
        var list = new MatchListRecord(
            Guid.CreateVersion7(), "Pathways", null, null, null, userId, userId, offers.Count, time.GetUtcNow(),
            [.. effects.Select(effect => new MatchListItem(effect.Pathway.Id.ToString(), effect.NewlyReachedVacancies.Count))]);
        await matches.RecordListAsync(list, cancellationToken);
        return new MyPathwaysResponse(list.Id, true, result);
    }

    /// <summary>
    /// One published vacancy as the job seeker reads it: the match as on their list (fit, reasons, gaps; null until
    /// they played a sprint) and what it asks beside their own levels. Nothing is recorded: a page a person opens is
    /// not a ranked list. The caller checks that the vacancy is published.
    /// </summary>
    public async Task<MyJobView> JobAsync(Guid userId, VacancyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var profile = VacancyProfiles.From(record.Id, record.Vacancy);
        var employer = (await organisations.FindAsync(record.OrganisationId, cancellationToken))?.Name ?? "";
        var me = await MeAsync(userId, cancellationToken);
        MyVacancyMatch? match = null;
        if (me is not null)
        {
            var ranker = await rankers.GetAsync(cancellationToken);
            var snapshot = await pool.GetAsync(cancellationToken);
            var reference = typical.TopUp(EvenSample.Of(snapshot.Candidates, ReferenceSize, c => c.Profile, c => c.UserId != userId));
            var offers = await pathways.ListOpenNearAsync(me, options.Value.MaxDistanceKm, cancellationToken);
            var employers = new Dictionary<Guid, string> { [record.OrganisationId] = employer };
            match = Match(ranker, me, reference, offers, employers, record, profile, FitOf(ranker, me, reference, profile));
        }

        var asks = record.Vacancy.Skills
            .OrderByDescending(skill => skill.Importance).ThenBy(skill => skill.SkillId, StringComparer.Ordinal)
            .Select(skill =>
            {
                var level = me?.Skills.TryGetValue(skill.SkillId, out var measure) == true ? measure.Level : (int?)null;
                return new AskedSkillView(skill.SkillId, words.SkillName(skill.SkillId), skill.Importance, skill.MinimumLevel, level, Compare(level, skill.MinimumLevel));
            }).ToList();
        // Only a must-have with an ESCO link can be checked against a passport; one in words only is left to the employer.
        var mustHaves = record.Vacancy.MustHaves
            .Select(mustHave => new MustHaveView(record.Vacancy.LabelIn(mustHave, TextLanguage.Current()), mustHave.EscoUri, mustHave.EscoUri is { } uri && me is not null ? me.Qualifications.Contains(uri) : null))
            .ToList();
        return new MyJobView(
            record.Id, record.Vacancy.TitleIn(TextLanguage.Current()), employer, record.Vacancy.Sector, record.Vacancy.Location.Place, record.Vacancy.HoursPerWeek,
            me?.Location is null ? null : MatchWords.RoundedKm(FeatureSchema.DistanceKmOf(me, profile)),
            match, asks, mustHaves);
    }

    /// <summary>How a level compares with the minimum asked: <c>above</c>, <c>meets</c>, <c>below</c> or <c>unmeasured</c>.</summary>
    public static string Compare(int? level, int minimum) => level switch
    {
        null => "unmeasured",
        { } l when l > minimum => "above",
        { } l when l == minimum => "meets",
        _ => "below",
    };

    /// <summary>The share (0–100) of typical candidates the ranker puts below the job seeker for this vacancy.</summary>
    private static int FitOf(LightGbmRanker ranker, CandidateProfile me, IReadOnlyList<CandidateProfile> reference, VacancyProfile profile)
    {
        var scores = ranker.Score(profile, [me, .. reference]);
        var below = scores.Skip(1).Count(score => score < scores[0]);
        return reference.Count == 0 ? 100 : (int)Math.Round(100.0 * below / reference.Count);
    }

    private MyVacancyMatch Match(
        LightGbmRanker ranker, CandidateProfile me, IReadOnlyList<CandidateProfile> reference, IReadOnlyList<PathwayOffer> offers,
        IReadOnlyDictionary<Guid, string> employers, VacancyRecord record, VacancyProfile profile, int fit)
    {
        IReadOnlyList<PathwayOffer> Closers(SkillGap gap) => PathwayAdvice.Closers(me, gap, offers);
        var reasons = MatchExplainer.Explain(ranker, profile, [me], maxReasons: MatchWords.ReasonsAsked, population: reference)[0].Reasons;
        var vacancy = record.Vacancy;
        return new MyVacancyMatch(
            record.Id,
            vacancy.TitleIn(TextLanguage.Current()),
            employers.GetValueOrDefault(record.OrganisationId, ""),
            vacancy.Sector,
            vacancy.Location.Place,
            vacancy.HoursPerWeek,
            me.Location is null ? null : MatchWords.RoundedKm(FeatureSchema.DistanceKmOf(me, profile)),
            fit,
            PathwayAdvice.Reaches(me, profile),
            words.Reasons(Perspective.You, reasons, me, profile, Closers),
            [.. PathwayAdvice.Gaps(me, profile).Select(gap => new GapView(
                gap.SkillId, words.SkillName(gap.SkillId), gap.Level is not null, gap.Level, gap.MinimumLevel, [.. Closers(gap).Select(PathwayOffers.Ref)]))]);
    }

    /// <summary>What one pathway would do for the person, however far it is; null until they played a sprint.</summary>
    public async Task<MyPathwayMatch?> PathwayAsync(Guid userId, PathwayOffer offer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (await MeAsync(userId, cancellationToken) is not { } me)
        {
            return null;
        }

        var nearby = await NearbyAsync(me, cancellationToken);
        return PathwayMatch(me, PathwayAdvice.Rank(me, [offer], [.. nearby.Select(v => v.Profile)])[0]);
    }

    private MyPathwayMatch PathwayMatch(CandidateProfile me, PathwayEffect effect) => new(
        effect.Pathway.Id,
        effect.Pathway.Title,
        effect.Pathway.ProviderName,
        effect.Pathway.Place,
        effect.Pathway.DurationWeeks,
        effect.CanStart,
        [.. effect.EntryMissing.Select(id => new SkillNameView(id, words.SkillName(id)))],
        effect.NewlyReachedVacancies.Count,
        [.. effect.Closes.Select(c => new ClosedGapView(c.SkillId, words.SkillName(c.SkillId), c.FromLevel, c.ToLevel, c.Vacancies))],
        PathwayAdvice.DistanceKm(me, effect.Pathway) is { } km ? MatchWords.RoundedKm(km) : null,
        effect.Pathway.StartsOn,
        effect.Pathway.EndsOn);

    private async Task<CandidateProfile?> MeAsync(Guid userId, CancellationToken cancellationToken) =>
        await reader.ReadAsync(CandidateScope.Own(userId), cancellationToken) is [var me, ..] ? me.Profile : null;

    /// <summary>Published vacancies within reach (all of them when the job seeker did not say where they live).</summary>
    private async Task<List<(VacancyRecord Record, VacancyProfile Profile)>> NearbyAsync(CandidateProfile me, CancellationToken cancellationToken)
    {
        var published = await vacancies.ListPublishedAsync(cancellationToken);
        return [.. published
            .Select(record => (Record: record, Profile: VacancyProfiles.From(record.Id, record.Vacancy)))
            .Where(v => me.Location is null || FeatureSchema.DistanceKmOf(me, v.Profile) <= options.Value.MaxDistanceKm)];
    }
}
