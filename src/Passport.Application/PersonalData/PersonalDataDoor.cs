using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Passport.Application.Accounts;
using Passport.Data.Consent;
using Passport.Data.Matching;
using Passport.Data.Organisations;
using Passport.Domain.Accounts;
using Passport.Domain.Consent;
using Passport.Domain.Organisations;
using Passport.Grains.Consent;

namespace Passport.Application.PersonalData;

/// <summary>
/// The door of <see cref="IPersonalData"/>: decides, logs, then reads. Every entry that lets something through writes
/// the access log before any data is read, so the log is complete by construction; the log writer and the reader are
/// internal, so this class is the only code that can do either.
/// </summary>
internal sealed partial class PersonalDataDoor(
    IGrainFactory grains,
    OrganisationRepository organisations,
    CandidateRepository candidates,
    AccessLogWriter accessLog,
    SharedPassportReader reader,
    TimeProvider time,
    ILogger<PersonalDataDoor> logger) : IPersonalData
{
    public async Task<SharedPassport?> ReadAsync(
        ClaimsPrincipal caller, Guid personId, IReadOnlyCollection<DataCategory> wanted, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(wanted);
        // Owners read their own data through their own use cases; here they are no one else's reader either.
        if (caller.GetUserId() == personId || await FindReaderAsync(caller, cancellationToken) is not { } organisation)
        {
            return null;
        }

        var grant = await grains.GetGrain<IConsentGrain>(personId).GetActiveGrantAsync(ReaderOf(organisation));
        var allowed = grant.Categories.Intersect(wanted).ToHashSet();
        if (allowed.Count == 0)
        {
            return null;
        }

        await accessLog.AppendAsync(
            Entry(personId, caller, organisation, allowed, string.Join("; ", grant.Purposes), channel),
            cancellationToken);
        LogRead(organisation.Id, DataCategories.Format(allowed), channel);
        return await reader.ReadAsync(personId, allowed, cancellationToken);
    }

    public async Task<SharedPassport?> ReadThroughShareLinkAsync(
        Guid ownerId, IReadOnlyCollection<DataCategory> categories, string linkLabel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(categories);
        await accessLog.AppendAsync(
            new AccessLogRow
            {
                Id = Guid.CreateVersion7(),
                SubjectUserId = ownerId,
                AccessedAt = time.GetUtcNow(),
                ActorName = linkLabel,
                Categories = DataCategories.Format(categories),
                Channel = nameof(AccessChannel.ShareLink),
            },
            cancellationToken);
        LogRead(null, DataCategories.Format(categories), AccessChannel.ShareLink);
        return await reader.ReadAsync(ownerId, categories.ToHashSet(), cancellationToken);
    }

    public async Task<IReadOnlyList<ShownCandidate>> ShowCandidatesAsync(
        ClaimsPrincipal employer,
        Guid organisationId,
        IReadOnlyList<Guid> ranked,
        int take,
        IReadOnlyCollection<DataCategory> shown,
        Func<string, string> purposeInLanguage,
        AccessChannel channel,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(employer);
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(purposeInLanguage);
        if (await FindReaderAsync(employer, cancellationToken) is not { Kind: OrganisationKind.Employer } organisation || organisation.Id != organisationId)
        {
            return [];
        }

        // Being findable is the person's own switch, and it may have changed since the pool was read.
        var findable = await candidates.StillFindableAsync(ranked, cancellationToken);
        var allowed = ranked.Where(findable.ContainsKey).Take(take).Select(id => new ShownCandidate(id, findable[id])).ToList();
        await accessLog.AppendAsync(
            [.. allowed.Select(candidate => Entry(candidate.PersonId, employer, organisation, shown, purposeInLanguage(candidate.Language), channel))],
            cancellationToken);
        if (allowed.Count > 0)
        {
            LogList(organisation.Id, allowed.Count, channel);
        }

        return allowed;
    }

    public async Task RecordWorkshopViewAsync(ClaimsPrincipal participant, WorkshopReader coach, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(coach);
        var personId = participant.GetUserId() ?? throw new InvalidOperationException("Only a signed-in participant joins a workshop.");
        await accessLog.AppendAsync(
            new AccessLogRow
            {
                Id = Guid.CreateVersion7(),
                SubjectUserId = personId,
                AccessedAt = time.GetUtcNow(),
                ActorUserId = coach.CoachUserId,
                ActorName = coach.CoachName,
                OrganisationId = coach.OrganisationId,
                OrganisationName = coach.OrganisationName,
                Categories = DataCategories.Format([DataCategory.SprintDetails]),
                Purpose = coach.WorkshopTitle,
                Channel = nameof(AccessChannel.Workshop),
            },
            cancellationToken);
        LogRead(coach.OrganisationId, DataCategory.SprintDetails.Name(), AccessChannel.Workshop);
    }

    public async Task<bool> HoldsConsentAsync(ClaimsPrincipal caller, Guid personId, DataCategory? category, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.GetUserId() == personId || await FindReaderAsync(caller, cancellationToken) is not { } organisation)
        {
            return false;
        }

        var grant = await grains.GetGrain<IConsentGrain>(personId).GetActiveGrantAsync(ReaderOf(organisation));
        return category is { } wanted ? grant.Categories.Contains(wanted) : !grant.IsEmpty;
    }

    private static ReaderOrganisation ReaderOf(Organisation organisation) => new(organisation.Id, organisation.Kind, organisation.Sector);

    /// <summary>
    /// One read by staff of an organisation. The organisation's name is copied as it is now, so the owner's log keeps
    /// who read even if the organisation is renamed later; its kind and sector come from the stored record, never from
    /// the caller's claims.
    /// </summary>
    private AccessLogRow Entry(
        Guid personId, ClaimsPrincipal caller, Organisation organisation, IReadOnlyCollection<DataCategory> categories, string? purpose, AccessChannel channel) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            SubjectUserId = personId,
            AccessedAt = time.GetUtcNow(),
            ActorUserId = caller.GetUserId(),
            ActorName = caller.FindFirstValue(PassportClaims.Name),
            OrganisationId = organisation.Id,
            OrganisationName = organisation.Name,
            Categories = DataCategories.Format(categories),
            Purpose = purpose,
            Channel = channel.ToString(),
        };

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Candidate list of {Count} shown to organisation {OrganisationId} via {Channel}")]
    private partial void LogList(Guid organisationId, int count, AccessChannel channel);
}
