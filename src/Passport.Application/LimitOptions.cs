using System.ComponentModel.DataAnnotations;

namespace Passport.Application;

/// <summary>
/// Configuration section <c>Limits</c>: how much one account or organisation can create, so no one fills the
/// database or floods people with requests. A count that is full answers 409 (end something first); a rate over
/// the last 24 hours answers 429 with <c>Retry-After</c>. Counted before writing, so two requests at the very same
/// moment may pass one over the limit; it stays a ceiling, not an exact quota.
/// </summary>
public sealed class LimitOptions
{
    public const string SectionName = "Limits";

    /// <summary>The window of the per-day limits.</summary>
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Share links a job seeker may have active (not revoked, not expired) at one time.</summary>
    [Range(1, 10_000)]
    public int ActiveShareLinksPerAccount { get; set; } = 20;

    /// <summary>Credentials a job seeker may have issued in any 24 hours.</summary>
    [Range(1, 10_000)]
    public int CredentialsPerDay { get; set; } = 50;

    /// <summary>Vacancies an organisation may have open (draft or published) at one time.</summary>
    [Range(1, 100_000)]
    public int OpenVacanciesPerOrganisation { get; set; } = 200;

    /// <summary>Candidates an employer may invite for one vacancy.</summary>
    [Range(1, 100_000)]
    public int InvitationsPerVacancy { get; set; } = 100;

    /// <summary>Requests to share data (invitations included) one staff member may send in any 24 hours.</summary>
    [Range(1, 100_000)]
    public int ConsentRequestsPerDay { get; set; } = 200;
}
