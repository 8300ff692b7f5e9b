using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passport.Data.Consent;
using Passport.Data.Organisations;
using Passport.Domain.Consent;

namespace Passport.Grains.Consent;

/// <summary>
/// Holds one owner's consents in memory (loaded on activation) and writes every change through, together with its
/// ISO/IEC TS 27560 record, before answering. Expiry needs no timer: a lapsed consent stops counting the moment
/// its time passes, and is marked expired (with its record) the next time this grain is asked anything.
/// </summary>
public sealed partial class ConsentGrain(
    ConsentRepository repository, OrganisationRepository organisations, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<ConsentGrain> logger)
    : Grain, IConsentGrain
{
    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web);

    private readonly List<Entry> _consents = [];

    private Guid OwnerId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await repository.ListOfOwnerAsync(OwnerId, cancellationToken))
        {
            _consents.Add(new Entry(ToDomain(row), row.AudienceOrganisationName));
        }
    }

    public async Task<ImmutableArray<ConsentView>> ListAsync()
    {
        await ExpireLapsedAsync();
        return [.. _consents.Select(ToView)];
    }

    public async Task<ConsentView> GrantAsync(NewConsent consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        await ExpireLapsedAsync();
        return await AddAsync(DataConsent.Grant(Guid.CreateVersion7(), OwnerId, consent.ToDraft(), time.GetUtcNow()), ConsentEvent.Given);
    }

    public async Task<ConsentView> RequestAsync(NewConsent consent, Guid requestedByUserId)
    {
        ArgumentNullException.ThrowIfNull(consent);
        await ExpireLapsedAsync();
        return await AddAsync(DataConsent.Request(Guid.CreateVersion7(), OwnerId, consent.ToDraft(), requestedByUserId, time.GetUtcNow()), ConsentEvent.Requested);
    }

    public Task<ConsentChange> ApproveAsync(Guid consentId) =>
        ChangeAsync(consentId, consent => consent.CanApprove, (consent, now) => consent.Approve(now));

    public Task<ConsentChange> DeclineAsync(Guid consentId) =>
        ChangeAsync(consentId, consent => consent.CanDecline, (consent, now) => consent.Decline(now));

    public Task<ConsentChange> RevokeAsync(Guid consentId) =>
        ChangeAsync(
            consentId,
            consent => consent.CanRevoke || consent.CanDecline,
            (consent, now) => consent.CanRevoke ? consent.Revoke(now) : consent.Decline(now));

    public async Task<int> EndOrganisationAccessAsync(Guid organisationId, DataCategory category, DateTimeOffset until)
    {
        await ExpireLapsedAsync();
        var changed = 0;
        for (var index = 0; index < _consents.Count; index++)
        {
            var entry = _consents[index];
            if (entry.Consent.Audience.Kind != AudienceKind.Organisation || entry.Consent.Audience.OrganisationId != organisationId
                || !entry.Consent.Categories.Contains(category))
            {
                continue;
            }

            // Change a copy, so memory only moves on once the new end is stored.
            var copy = Copy(entry.Consent);
            if (copy.EndBy(until) && await repository.UpdateExpiryAsync(copy.Id, until))
            {
                _consents[index] = entry with { Consent = copy };
                changed++;
            }
        }

        return changed;
    }

    public async Task<ActiveGrant> GetActiveGrantAsync(ReaderOrganisation reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await ExpireLapsedAsync();
        var now = time.GetUtcNow();
        var member = reader.ToMember();
        var active = _consents.Where(entry => entry.Consent.IsActiveAt(now) && entry.Consent.Audience.Includes(member)).ToList();
        if (active.Count == 0)
        {
            return ActiveGrant.None;
        }

        return new ActiveGrant(
            [.. active.SelectMany(entry => entry.Consent.Categories).Distinct().Order()],
            [.. active.Select(entry => entry.Consent.Id)],
            [.. active.Select(entry => entry.Consent.Purpose).Distinct(StringComparer.Ordinal)]);
    }

    public Task ForgetAsync()
    {
        _consents.Clear();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private async Task<ConsentView> AddAsync(DataConsent consent, ConsentEvent consentEvent)
    {
        var recipientName = consent.Audience.OrganisationId is { } organisationId
            ? (await organisations.FindAsync(organisationId))?.Name
            : consent.Audience.Sector;
        var entry = new Entry(consent, recipientName);
        await repository.InsertAsync(ToRow(consent), Record(entry, consentEvent, consent.CreatedAt));
        _consents.Add(entry);
        return ToView(entry);
    }

    private async Task<ConsentChange> ChangeAsync(Guid consentId, Func<DataConsent, bool> allowed, Func<DataConsent, DateTimeOffset, ConsentEvent> change)
    {
        await ExpireLapsedAsync();
        var index = _consents.FindIndex(entry => entry.Consent.Id == consentId);
        if (index < 0)
        {
            return ConsentChange.NotFound;
        }

        // Change a copy, so memory only moves on once the change and its record are stored.
        var entry = _consents[index];
        var copy = Copy(entry.Consent);
        if (!allowed(copy))
        {
            return ConsentChange.NotAllowed;
        }

        var now = time.GetUtcNow();
        var consentEvent = change(copy, now);
        var updated = entry with { Consent = copy };
        if (!await repository.UpdateStatusAsync(ToRow(copy), entry.Consent.Status.ToString(), Record(updated, consentEvent, now)))
        {
            // Only this grain writes an owner's consents, so a mismatch means the row is not what was loaded.
            LogStaleConsent(consentId);
            return ConsentChange.NotAllowed;
        }

        _consents[index] = updated;
        return ConsentChange.Done;
    }

    private async Task ExpireLapsedAsync()
    {
        var now = time.GetUtcNow();
        for (var index = 0; index < _consents.Count; index++)
        {
            var entry = _consents[index];
            if (!entry.Consent.HasLapsed(now))
            {
                continue;
            }

            var copy = Copy(entry.Consent);
            var consentEvent = copy.Expire();
            var updated = entry with { Consent = copy };
            if (await repository.UpdateStatusAsync(ToRow(copy), entry.Consent.Status.ToString(), Record(updated, consentEvent, copy.ExpiresAt!.Value)))
            {
                _consents[index] = updated;
            }
            else
            {
                LogStaleConsent(copy.Id);
            }
        }
    }

    private ConsentRecordRow Record(Entry entry, ConsentEvent consentEvent, DateTimeOffset at)
    {
        var settings = options.Value;
        var context = new ConsentRecordContext(
            settings.Controller,
            entry.RecipientName,
            // How to withdraw is part of what the owner consented under, so the record says it in so many words.
            $"Revoke at any time on the Sharing page or with DELETE /api/me/consents/{entry.Consent.Id}; it stops at once.",
            settings.Notice,
            settings.Jurisdiction,
            "web");
        var record = ConsentRecord.Create(Guid.CreateVersion7(), entry.Consent, consentEvent, at, context);
        return new ConsentRecordRow
        {
            Id = record.RecordId,
            ConsentId = entry.Consent.Id,
            UserId = OwnerId,
            Event = record.Event,
            RecordedAt = at,
            Record = JsonSerializer.Serialize(record, RecordJson),
        };
    }

    private static DataConsent Copy(DataConsent consent) => DataConsent.Restore(
        consent.Id, consent.OwnerId, consent.Audience, consent.Categories, consent.Purpose, consent.Status, consent.RequestedBy,
        consent.CreatedAt, consent.DecidedAt, consent.ExpiresAt, consent.ClosedAt);

    private static DataConsent ToDomain(ConsentRow row) => DataConsent.Restore(
        row.Id,
        row.UserId,
        new ConsentAudience(Enum.Parse<AudienceKind>(row.AudienceKind), row.AudienceOrganisationId, row.AudienceSector),
        DataCategories.ParseStored(row.Categories),
        row.Purpose,
        Enum.Parse<ConsentStatus>(row.Status),
        row.RequestedByUserId,
        row.CreatedAt,
        row.DecidedAt,
        row.ExpiresAt,
        row.ClosedAt);

    private static ConsentRow ToRow(DataConsent consent) => new()
    {
        Id = consent.Id,
        UserId = consent.OwnerId,
        AudienceKind = consent.Audience.Kind.ToString(),
        AudienceOrganisationId = consent.Audience.OrganisationId,
        AudienceSector = consent.Audience.Sector,
        Categories = DataCategories.Format(consent.Categories),
        Purpose = consent.Purpose,
        Status = consent.Status.ToString(),
        RequestedByUserId = consent.RequestedBy,
        CreatedAt = consent.CreatedAt,
        DecidedAt = consent.DecidedAt,
        ExpiresAt = consent.ExpiresAt,
        ClosedAt = consent.ClosedAt,
    };

    private static ConsentView ToView(Entry entry)
    {
        var consent = entry.Consent;
        return new ConsentView(
            consent.Id, consent.Audience.Kind, consent.Audience.OrganisationId,
            consent.Audience.Kind == AudienceKind.Organisation ? entry.RecipientName : null,
            consent.Audience.Sector, [.. consent.Categories], consent.Purpose, consent.Status, consent.RequestedBy,
            consent.CreatedAt, consent.DecidedAt, consent.ExpiresAt, consent.ClosedAt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consent {ConsentId} was not in the state this grain held; the change was not stored.")]
    private partial void LogStaleConsent(Guid consentId);

    private sealed record Entry(DataConsent Consent, string? RecipientName);
}
