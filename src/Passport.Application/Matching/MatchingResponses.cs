using Passport.Application.Insights;
using Passport.Application.PersonalData;
using Passport.Data.Matching;

namespace Passport.Application.Matching;

/// <summary>
/// A ranked list of candidates for one vacancy. <c>listId</c> and <c>modelVersion</c> identify the list in the
/// matching log; <c>eligible</c> is how many passed the filter (must-haves, distance), a count of people like any
/// other (suppressed below five, else rounded to five); <c>advice</c> says the list is advice only; <c>interested</c>
/// lists who said they are interested in this vacancy (their consent), ranked or not.
/// </summary>
public sealed record CandidateListResponse(
    Guid VacancyId,
    Guid ListId,
    string ModelVersion,
    PeopleCountResponse Eligible,
    string Advice,
    IReadOnlyList<CandidateCard> Candidates)
{
    /// <summary>Candidates who said they are interested in this vacancy, listed whether or not the ranker shows them.</summary>
    public IReadOnlyList<InterestedCandidate> Interested { get; init; } = [];
}

/// <summary>
/// A pseudonymous candidate: <c>candidateRef</c> is theirs for this vacancy only. No name, contact or account id:
/// those only show, through <c>GET …/candidates/{candidateRef}</c>, once the candidate accepted an invitation. Nor
/// any exact figure that is the same for the person on every list (estimates, standard errors, scores, distance,
/// hours, experience counts): only levels of the skills this vacancy asks, certainty, distance and hours in bands,
/// kinds of experience, and a rank within this list (<see cref="Passport.Matching.Cards.CardBands"/>). Every card
/// reads exactly like at least one other card of the list; <c>heldBack</c> names what a card leaves out for that.
/// </summary>
public sealed record CandidateCard(
    string CandidateRef,
    int Rank,
    IReadOnlyList<SkillLevelView> Skills,
    IReadOnlyList<ReasonView> Reasons,
    IReadOnlyList<GapView> Gaps,
    IReadOnlyList<string> Experience,
    BandView? Distance,
    BandView? Hours,
    IReadOnlyList<string> HeldBack,
    InvitationView? Invitation,
    OutcomeView? Outcome);

/// <summary>
/// A measured skill the vacancy asks: whether it reaches the vacancy's minimum (null when the card cannot tell), its
/// level from <c>levelFrom</c> to <c>levelTo</c> (equal for an exact level, 1–2, 3 or 4–5 for a band, null when held
/// back) and how sure the passport is (<c>certainty</c> high, medium or low, and in words; null when held back).
/// </summary>
public sealed record SkillLevelView(
    string SkillId, string Name, bool? ReachesMinimum, int? LevelFrom, int? LevelTo, string? Certainty, string? CertaintyText);

/// <summary>A coarse value: a stable code (e.g. <c>within10km</c>) and its words in the reader's language.</summary>
public sealed record BandView(string Band, string Text);

/// <summary>
/// A skill below the vacancy's minimum and pathways that would close it: <c>measured</c> false when the passport has
/// not measured it; <c>level</c> null then, or when an employer's card holds levels back.
/// </summary>
public sealed record GapView(string SkillId, string Name, bool Measured, int? Level, int MinimumLevel, IReadOnlyList<PathwayRef> ClosedBy);

public sealed record PathwayRef(Guid Id, string Title, string Provider, string Place, int DurationWeeks);

/// <summary>The consent request the invitation sent, and where it stands (requested, granted, declined, revoked, expired).</summary>
public sealed record InvitationView(Guid ConsentId, string Status, DateTimeOffset InvitedAt);

public sealed record OutcomeView(string Outcome, DateTimeOffset RecordedAt)
{
    /// <summary>The outcome recorded for a candidate, or null while there is none.</summary>
    public static OutcomeView? Of(MatchCandidateRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Outcome is { } outcome && row.OutcomeAt is { } at ? new OutcomeView(outcome.ToLowerInvariant(), at) : null;
    }
}

/// <summary>
/// A candidate of one vacancy; <c>shared</c> holds what they share with your organisation now, else null.
/// <c>interest</c> is their own interest in this vacancy (null when they did not say). <c>contact</c> is where
/// contact stands, the one source for whether to invite: <c>interested</c> (they chose this vacancy), <c>invited</c>
/// (see <c>invitation</c>), <c>askedElsewhere</c> (a request of your organisation waits for their answer),
/// <c>shares</c> (they share with your organisation already) or <c>none</c> (you may invite them).
/// </summary>
public sealed record CandidateDetail(
    string CandidateRef, InvitationView? Invitation, InterestView? Interest, string Contact, OutcomeView? Outcome, SharedPassport? Shared);

/// <summary>A candidate who said they are interested in the vacancy: since when, and what they chose to share with you.</summary>
public sealed record InterestedCandidate(string CandidateRef, DateTimeOffset InterestedAt, IReadOnlyList<string> Categories, OutcomeView? Outcome);
