namespace Passport.Data.Matching;

/// <summary>A job seeker as shown for one vacancy: their pseudonym there, the invitation, their interest and the latest outcome.</summary>
public sealed class MatchCandidateRow
{
    public Guid VacancyId { get; set; }

    public Guid UserId { get; set; }

    public string CandidateRef { get; set; } = "";

    public DateTimeOffset FirstShownAt { get; set; }

    public DateTimeOffset? InvitedAt { get; set; }

    public Guid? ConsentId { get; set; }

    /// <summary>Rejected, Viewed, Shortlisted, Interviewed or Hired; null until the employer records one.</summary>
    public string? Outcome { get; set; }

    public DateTimeOffset? OutcomeAt { get; set; }

    /// <summary>The consent the job seeker gave the employer for this vacancy when they said they are interested.</summary>
    public Guid? InterestConsentId { get; set; }

    public DateTimeOffset? InterestedAt { get; set; }
}
