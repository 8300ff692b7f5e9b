using Passport.Application.PersonalData;
using Passport.Data.Matching;
using Passport.Web.Consent;

namespace Passport.Web.Matching;

/// <summary>
/// A ranked list of candidates for one vacancy. <c>listId</c> and <c>modelVersion</c> identify the list in the
/// matching log; <c>eligible</c> is how many passed the filter (must-haves, distance); <c>advice</c> says the list is
/// advice only.
/// </summary>
public sealed record CandidateListResponse(
    Guid VacancyId,
    Guid ListId,
    string ModelVersion,
    int Eligible,
    string Advice,
    IReadOnlyList<CandidateCard> Candidates);

/// <summary>
/// A pseudonymous candidate: <c>candidateRef</c> is theirs for this vacancy only. No name, contact or account id:
/// those only show, through <c>GET …/candidates/{candidateRef}</c>, once the candidate accepted an invitation.
/// </summary>
public sealed record CandidateCard(
    string CandidateRef,
    int Rank,
    double Score,
    IReadOnlyList<SkillLevelView> Skills,
    IReadOnlyList<ReasonView> Reasons,
    IReadOnlyList<GapView> Gaps,
    IReadOnlyList<ExperienceCount> Experience,
    int? DistanceKm,
    int? HoursPerWeek,
    InvitationView? Invitation,
    OutcomeView? Outcome);

public sealed record SkillLevelView(string SkillId, string Name, int Level, double StandardError);

/// <summary>A skill below the vacancy's minimum (<c>level</c> null: not measured) and pathways that would close it.</summary>
public sealed record GapView(string SkillId, string Name, int? Level, int MinimumLevel, IReadOnlyList<PathwayRef> ClosedBy);

public sealed record PathwayRef(Guid Id, string Title, string Provider, string Place, int DurationWeeks);

public sealed record ExperienceCount(string Kind, int Count);

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

/// <summary>A candidate of one vacancy; <c>shared</c> holds what they share with your organisation now, else null.</summary>
public sealed record CandidateDetail(string CandidateRef, InvitationView? Invitation, OutcomeView? Outcome, SharedPassport? Shared);
