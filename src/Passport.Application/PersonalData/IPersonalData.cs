using System.Security.Claims;
using Passport.Domain.Consent;

namespace Passport.Application.PersonalData;

/// <summary>
/// The one door to a person's data for anyone but its owner. Each entry checks who is asking (role, the organisation
/// they act for and its kind and sector as an administrator recorded them) against what the person allowed, writes
/// the owner's access log before anything is read, and returns only what was allowed. The readers and the log writer
/// behind it are internal to this project, so no page, endpoint or hub can read around it.
/// </summary>
public interface IPersonalData
{
    /// <summary>
    /// The categories of <paramref name="wanted"/> that the person shares with the caller's organisation now, read and
    /// logged; null when nothing is shared (callers answer 404, so a refusal never tells whether the person exists).
    /// </summary>
    Task<SharedPassport?> ReadAsync(
        ClaimsPrincipal caller, Guid personId, IReadOnlyCollection<DataCategory> wanted, AccessChannel channel, CancellationToken cancellationToken = default);

    /// <summary>A read through a share link: its owner chose the categories, and the link itself is the reader.</summary>
    Task<SharedPassport?> ReadThroughShareLinkAsync(
        Guid ownerId, IReadOnlyCollection<DataCategory> categories, string linkLabel, CancellationToken cancellationToken = default);

    /// <summary>
    /// An employer's candidate list: of <paramref name="ranked"/> (best first) the first <paramref name="take"/> who are
    /// still findable, each logged in one batch with the purpose in their own language. Returns them in rank order
    /// with their language; empty when the caller does not act for <paramref name="organisationId"/> as an employer.
    /// </summary>
    Task<IReadOnlyList<ShownCandidate>> ShowCandidatesAsync(
        ClaimsPrincipal employer,
        Guid organisationId,
        IReadOnlyList<Guid> ranked,
        int take,
        IReadOnlyCollection<DataCategory> shown,
        Func<string, string> purposeInLanguage,
        AccessChannel channel,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// A job seeker joined a coach's live workshop, after its notice: from now on the coach's board shows their first
    /// name and sprint progress. Logged once, when that visibility starts, since the board is live.
    /// </summary>
    Task RecordWorkshopViewAsync(ClaimsPrincipal participant, WorkshopReader coach, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the caller's organisation holds an active consent of the person covering <paramref name="category"/>
    /// (any category when null); for acting on someone (endorsing, confirming a guardian's consent) rather than reading,
    /// so nothing is read and nothing is logged.
    /// </summary>
    Task<bool> HoldsConsentAsync(ClaimsPrincipal caller, Guid personId, DataCategory? category, CancellationToken cancellationToken = default);
}

/// <summary>A candidate the door let an employer see, with the language their access log is written in.</summary>
public sealed record ShownCandidate(Guid PersonId, string Language);

/// <summary>The coach behind a workshop board, as the participant's access log names them.</summary>
public sealed record WorkshopReader(Guid CoachUserId, string CoachName, Guid OrganisationId, string OrganisationName, string WorkshopTitle);
