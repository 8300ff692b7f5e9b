using System.Security.Claims;
using Passport.Data.Consent;
using Passport.Data.Organisations;
using Passport.Domain.Accounts;
using Passport.Domain.Consent;
using Passport.Domain.Organisations;
using Passport.Grains.Consent;
using Passport.Web.Accounts;

namespace Passport.Web.Consent;

/// <summary>
/// The one gate in front of every read of someone's data by anyone other than its owner. It checks the caller's
/// role, that they act for an organisation of the matching kind, and the owner's active consents per category;
/// every read it lets through is written to the owner's access log before any data leaves. Nothing else reads
/// another person's data, so the log is complete by construction (docs/privacy.md says how this is tested).
/// </summary>
public sealed partial class PersonalDataGate(
    IGrainFactory grains, OrganisationRepository organisations, AccessLogRepository accessLog, TimeProvider time, ILogger<PersonalDataGate> logger)
{
    /// <summary>
    /// Decides which of <paramref name="wanted"/> the caller may see of <paramref name="personId"/>'s data now,
    /// and logs the read when anything is allowed to someone other than the owner.
    /// </summary>
    public async Task<AccessDecision> AuthorizeReadAsync(
        ClaimsPrincipal caller, Guid personId, IReadOnlyCollection<DataCategory> wanted, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(wanted);
        if (caller.GetUserId() is not { } callerId)
        {
            return AccessDecision.Denied;
        }

        if (callerId == personId)
        {
            return new AccessDecision(wanted.ToHashSet(), IsOwner: true);
        }

        var reader = await FindReaderAsync(caller, cancellationToken);
        if (reader is null)
        {
            return AccessDecision.Denied;
        }

        var grant = await grains.GetGrain<IConsentGrain>(personId).GetActiveGrantAsync(
            new ReaderOrganisation(reader.Id, reader.Kind, reader.Sector));
        var allowed = grant.Categories.Intersect(wanted).ToHashSet();
        if (allowed.Count == 0)
        {
            return AccessDecision.Denied;
        }

        await accessLog.AppendAsync(
            new AccessLogRow
            {
                Id = Guid.CreateVersion7(),
                SubjectUserId = personId,
                AccessedAt = time.GetUtcNow(),
                ActorUserId = callerId,
                ActorName = caller.FindFirstValue(PassportClaims.Name),
                OrganisationId = reader.Id,
                OrganisationName = reader.Name,
                Categories = DataCategories.Format(allowed),
                Purpose = string.Join("; ", grant.Purposes),
                Channel = channel.ToString(),
            },
            cancellationToken);
        LogRead(reader.Id, DataCategories.Format(allowed), channel);
        return new AccessDecision(allowed, IsOwner: false);
    }

    /// <summary>
    /// Whether the caller's organisation holds an active consent of the person covering <paramref name="category"/>;
    /// for acting on someone (endorsing, confirming a guardian's consent) rather than reading, so nothing is logged.
    /// </summary>
    public async Task<bool> HoldsConsentAsync(ClaimsPrincipal caller, Guid personId, DataCategory? category, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var reader = await FindReaderAsync(caller, cancellationToken);
        if (reader is null || caller.GetUserId() == personId)
        {
            return false;
        }

        var grant = await grains.GetGrain<IConsentGrain>(personId).GetActiveGrantAsync(new ReaderOrganisation(reader.Id, reader.Kind, reader.Sector));
        return category is { } wanted ? grant.Categories.Contains(wanted) : !grant.IsEmpty;
    }

    /// <summary>A read through a share link: its owner chose the categories, and the link itself is the reader.</summary>
    public async Task RecordShareLinkReadAsync(Guid personId, IReadOnlyCollection<DataCategory> categories, string linkLabel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(categories);
        await accessLog.AppendAsync(
            new AccessLogRow
            {
                Id = Guid.CreateVersion7(),
                SubjectUserId = personId,
                AccessedAt = time.GetUtcNow(),
                ActorName = linkLabel,
                Categories = DataCategories.Format(categories),
                Channel = nameof(AccessChannel.ShareLink),
            },
            cancellationToken);
        LogRead(null, DataCategories.Format(categories), AccessChannel.ShareLink);
    }

    /// <summary>
    /// A job seeker joined a coach's live workshop, after its notice: from now on the coach's board shows their
    /// first name and sprint progress. Logged once, when that visibility starts, since the board is live.
    /// </summary>
    public async Task RecordWorkshopViewAsync(
        Guid personId, Guid coachUserId, string coachName, Guid organisationId, string organisationName, string workshopTitle, CancellationToken cancellationToken = default)
    {
        await accessLog.AppendAsync(
            new AccessLogRow
            {
                Id = Guid.CreateVersion7(),
                SubjectUserId = personId,
                AccessedAt = time.GetUtcNow(),
                ActorUserId = coachUserId,
                ActorName = coachName,
                OrganisationId = organisationId,
                OrganisationName = organisationName,
                Categories = DataCategories.Format([DataCategory.SprintDetails]),
                Purpose = workshopTitle,
                Channel = nameof(AccessChannel.Workshop),
            },
            cancellationToken);
        LogRead(organisationId, DataCategory.SprintDetails.Name(), AccessChannel.Workshop);
    }

    /// <summary>The organisation a staff caller acts for, if their role matches its kind; null for everyone else.</summary>
    private async Task<Organisation?> FindReaderAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (caller.GetOrganisationId() is not { } organisationId || !Roles.Staff.Any(caller.IsInRole))
        {
            return null;
        }

        var organisation = await organisations.FindAsync(organisationId, cancellationToken);
        return organisation is not null && caller.IsInRole(organisation.Kind.StaffRole()) ? organisation : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Personal data read by organisation {OrganisationId}: {Categories} via {Channel}")]
    private partial void LogRead(Guid? organisationId, string categories, AccessChannel channel);
}
