using System.Security.Claims;
using Microsoft.Extensions.Options;
using Passport.Application.Accounts;
using Passport.Application.PersonalData;
using Passport.Data.Accounts;
using Passport.Data.Consent;
using Passport.Data.Database;
using Passport.Data.Organisations;
using Passport.Data.Plans;
using Passport.Domain.Accounts;
using Passport.Domain.Consent;
using Passport.Domain.Sectors;
using Passport.Domain.Validation;
using Passport.Grains.Consent;

namespace Passport.Application.Consent;

/// <summary>
/// Checks a consent against the rules that need the database (does the organisation exist, is the sector known, is
/// the owner old enough to share with employers on their own) before the owner's consent grain takes it. The API
/// and the pages both go through here, so both refuse the same things.
/// </summary>
public sealed class ConsentService(
    IGrainFactory grains, OrganisationRepository organisations, SectorCatalog sectors, UserStore users, ConsentRepository consents,
    ContactPersonRepository contactPersons,
    IPersonalData personalData, IOptions<PrivacyOptions> privacy, IOptions<LimitOptions> limits, TimeProvider time)
{
    public const int GuardianNameMaxLength = 120;
    public const int GuardianMethodMaxLength = 300;

    // The problems the outcomes name (texts {Problem}.Title and .Detail): one's own consent, or a person staff ask.
    private const string NotFound = "Consent.Problem.NotFound";
    private const string NotAllowed = "Consent.Problem.NotAllowed";
    private const string GuardianNeeded = "Consent.Problem.Guardian";
    private const string PersonNotFound = "Consent.Problem.PersonNotFound";
    private const string RequestPending = "Consent.Problem.RequestPending";

    /// <summary>Validates <paramref name="input"/> into a draft, or answers the broken rules.</summary>
    public async Task<(ConsentDraft? Draft, ValidationErrors Errors)> CheckAsync(ConsentInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var organisationExists = input.OrganisationId is { } organisationId && await organisations.FindAsync(organisationId, cancellationToken) is not null;
        var errors = ConsentRules.Validate(input, time.GetUtcNow(), new AudienceFacts(organisationExists, sectors.IsKnown(input.Sector)), out var draft);
        return (draft, errors);
    }

    /// <summary>
    /// GDPR Art. 8: whether this owner needs a guardian's consent, confirmed by a coach, before this audience may
    /// see their data. Only sharing with employers is held back; coaches and schools work with minors routinely.
    /// </summary>
    public async Task<bool> NeedsGuardianAsync(Guid ownerId, ConsentAudience audience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var kind = audience.OrganisationId is { } organisationId ? (await organisations.FindAsync(organisationId, cancellationToken))?.Kind : null;
        if (!DigitalConsentAge.ReachesEmployers(audience, kind))
        {
            return false;
        }

        var owner = await users.FindByIdAsync(ownerId.ToString(), cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (owner is null || !DigitalConsentAge.MayBeBelow(owner.BirthYear, privacy.Value.DigitalConsentAge, today))
        {
            return false;
        }

        return await consents.FindGuardianConsentAsync(ownerId, cancellationToken) is null;
    }

    private Task<ConsentView> GrantAsync(Guid ownerId, ConsentDraft draft) =>
        grains.GetGrain<IConsentGrain>(ownerId).GrantAsync(NewConsent.From(draft));

    /// <summary>
    /// The owner shares on their own: checked, held back for a guardian if needed (<see cref="OutcomeStatus.Forbidden"/>),
    /// then granted.
    /// </summary>
    public async Task<Outcome<ConsentView>> ShareAsync(Guid ownerId, ConsentInput input, CancellationToken cancellationToken = default)
    {
        var (draft, errors) = await CheckAsync(input, cancellationToken);
        if (draft is null)
        {
            return Outcome.Invalid<ConsentView>(errors);
        }

        if (await NeedsGuardianAsync(ownerId, draft.Audience, cancellationToken))
        {
            return Outcome.Fail<ConsentView>(OutcomeStatus.Forbidden, GuardianNeeded);
        }

        return Outcome.Done(await GrantAsync(ownerId, draft));
    }

    /// <summary>
    /// The owner agrees to a request; held back (<see cref="OutcomeStatus.Forbidden"/>) when the requester is an
    /// employer and a guardian must agree first.
    /// </summary>
    public async Task<Outcome<ConsentView>> ApproveAsync(Guid ownerId, Guid consentId, CancellationToken cancellationToken = default)
    {
        var grain = grains.GetGrain<IConsentGrain>(ownerId);
        var request = (await grain.ListAsync()).FirstOrDefault(consent => consent.Id == consentId);
        if (request is null)
        {
            return Outcome.Fail<ConsentView>(OutcomeStatus.NotFound, NotFound);
        }

        if (request.Status == ConsentStatus.Requested && await NeedsGuardianAsync(ownerId, AudienceOf(request), cancellationToken))
        {
            return Outcome.Fail<ConsentView>(OutcomeStatus.Forbidden, GuardianNeeded);
        }

        var change = await grain.ApproveAsync(consentId);
        if (change != ConsentChange.Done)
        {
            return Refused<ConsentView>(change);
        }

        return Outcome.Done((await grain.ListAsync()).First(consent => consent.Id == consentId));
    }

    public static ConsentAudience AudienceOf(ConsentView consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return new ConsentAudience(consent.AudienceKind, consent.AudienceOrganisationId, consent.AudienceSector);
    }

    /// <summary>
    /// A staff member asks a job seeker to share with the staff member's organisation. Nothing is shared until the
    /// owner approves; one waiting request per organisation and person at a time (<see cref="OutcomeStatus.Conflict"/>),
    /// and at most <see cref="LimitOptions.ConsentRequestsPerDay"/> requests by one staff member in any 24 hours
    /// (<see cref="OutcomeStatus.TooManyRequests"/>). Someone who cannot be asked is not found, whatever the reason.
    /// </summary>
    public async Task<Outcome<ConsentView>> RequestAsync(
        ClaimsPrincipal staff, Guid personId, IReadOnlyList<string?>? categories, string? purpose, DateTimeOffset? expiresAt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (staff.GetOrganisationId() is not { } organisationId || staff.GetUserId() is not { } staffId)
        {
            return Outcome.Fail<ConsentView>(OutcomeStatus.NotFound, PersonNotFound);
        }

        var (draft, errors) = await CheckAsync(new ConsentInput(organisationId, null, false, categories, purpose, expiresAt), cancellationToken);
        if (draft is null)
        {
            return Outcome.Invalid<ConsentView>(errors);
        }

        var now = time.GetUtcNow();
        var perDay = limits.Value.ConsentRequestsPerDay;
        var sent = await consents.CountRequestsSinceAsync(staffId, now - LimitOptions.Day, cancellationToken);
        if (sent.RetryAfter(perDay, LimitOptions.Day, now) is { } retryAfter)
        {
            return Outcome.TooMany<ConsentView>("Requests", perDay, retryAfter);
        }

        var person = await users.FindByIdAsync(personId.ToString(), cancellationToken);
        if (person is null || !person.Roles.Contains(Roles.JobSeeker))
        {
            return Outcome.Fail<ConsentView>(OutcomeStatus.NotFound, PersonNotFound);
        }

        if (await RequestWaitingAsync(organisationId, personId))
        {
            return Outcome.Fail<ConsentView>(OutcomeStatus.Conflict, RequestPending);
        }

        return Outcome.Done(await grains.GetGrain<IConsentGrain>(personId).RequestAsync(NewConsent.From(draft), staffId));
    }

    /// <summary>
    /// Whether the staff member's organisation asked this person and the answer is not in yet, so a page shows that
    /// rather than a form to ask again. It is the organisation's own request: it says nothing they did not know.
    /// </summary>
    public async Task<bool> IsRequestWaitingAsync(ClaimsPrincipal staff, Guid personId)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return staff.GetOrganisationId() is { } organisationId && await RequestWaitingAsync(organisationId, personId);
    }

    private async Task<bool> RequestWaitingAsync(Guid organisationId, Guid personId) =>
        (await grains.GetGrain<IConsentGrain>(personId).ListAsync())
            .Any(consent => consent.Status == ConsentStatus.Requested && consent.AudienceOrganisationId == organisationId);

    /// <summary>
    /// A coach records that a young person's parent or guardian agreed to sharing with employers. Only for someone
    /// who works with the coach's organisation, that is: shares something with it now. Done with the person's id.
    /// </summary>
    public async Task<Outcome<Guid>> ConfirmGuardianAsync(
        ClaimsPrincipal coach, Guid personId, string? guardianName, string? method, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coach);
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(guardianName) || guardianName.Trim().Length > GuardianNameMaxLength)
        {
            errors.Add("guardianName", "Consent.Guardian.Name");
        }

        if (string.IsNullOrWhiteSpace(method) || method.Trim().Length > GuardianMethodMaxLength)
        {
            errors.Add("method", "Consent.Guardian.Method");
        }

        if (!errors.IsValid)
        {
            return Outcome.Invalid<Guid>(errors);
        }

        if (!coach.IsInRole(Roles.Coach) || !await personalData.HoldsConsentAsync(coach, personId, category: null, cancellationToken))
        {
            return Outcome.Fail<Guid>(OutcomeStatus.NotFound, PersonNotFound);
        }

        await consents.SaveGuardianConsentAsync(
            new GuardianConsentRow
            {
                UserId = personId,
                GuardianName = guardianName!.Trim(),
                Method = method!.Trim(),
                ConfirmedByUserId = coach.GetUserId(),
                OrganisationId = coach.GetOrganisationId()!.Value,
                ConfirmedAt = time.GetUtcNow(),
            },
            cancellationToken);
        return Outcome.Done(personId);
    }

    /// <summary>
    /// People who share something with this organisation now, one entry per person with everything they share, the
    /// most recently granted first; the organisation's kind and sector are the ones an administrator recorded.
    /// </summary>
    public async Task<IReadOnlyList<SharedPerson>> ListSharedWithAsync(Guid organisationId, PageRequest? page = null, CancellationToken cancellationToken = default)
    {
        var organisation = await organisations.FindAsync(organisationId, cancellationToken);
        if (organisation is null)
        {
            return [];
        }

        var member = new AudienceMember(organisation.Id, organisation.Kind, organisation.Sector);
        var people = await consents.ListSharingWithAsync(member, time.GetUtcNow(), page, cancellationToken);
        return [.. people
            .Select(person => (person.PersonId, Consents: person.Consents
                .Where(row => new ConsentAudience(Enum.Parse<AudienceKind>(row.AudienceKind), row.AudienceOrganisationId, row.AudienceSector).Includes(member))
                .ToList()))
            .Where(person => person.Consents.Count > 0)
            .Select(person => new SharedPerson(
                person.PersonId,
                [.. person.Consents.SelectMany(row => DataCategories.ParseStored(row.Categories)).Distinct().Order()],
                [.. person.Consents.Select(row => row.Purpose).Distinct(StringComparer.Ordinal)],
                person.Consents.Any(row => row.ExpiresAt is null) ? null : person.Consents.Max(row => row.ExpiresAt)))];
    }

    /// <summary>The requests staff of this organisation made, newest first, with the owners' answers.</summary>
    public Task<IReadOnlyList<ConsentRow>> ListRequestsOfAsync(Guid organisationId, PageRequest? page = null, CancellationToken cancellationToken = default) =>
        consents.ListRequestsOfAsync(organisationId, page, cancellationToken);

    /// <summary>The owner's consents, newest first.</summary>
    public async Task<IReadOnlyList<ConsentView>> ListMineAsync(ClaimsPrincipal owner) =>
        [.. (await Owner(owner).ListAsync()).Reverse()];

    /// <summary>
    /// Stops sharing now, or says no to a request; done with the consent's id. An organisation the owner no longer
    /// shares their plan with stops being their contact person: its contact-person rows end. That runs after the
    /// consent grain has written the revocation (the grain owns that write), and is harmless to repeat; until it runs,
    /// the contact persons are hidden anyway, because they are only shown while the plan is shared.
    /// </summary>
    public Task<Outcome<Guid>> RevokeAsync(ClaimsPrincipal owner, Guid consentId) => RevokeAsync(OwnerId(owner), consentId);

    /// <summary>The same, for a consent the owner gave through something they have now ended (a hand-over they declined).</summary>
    public async Task<Outcome<Guid>> RevokeAsync(Guid ownerId, Guid consentId)
    {
        var change = await grains.GetGrain<IConsentGrain>(ownerId).RevokeAsync(consentId);
        if (change == ConsentChange.Done)
        {
            await EndUnsharedContactPersonsAsync(ownerId);
        }

        return Changed(change, consentId);
    }

    /// <summary>Says no to a request; done with the consent's id.</summary>
    public async Task<Outcome<Guid>> DeclineAsync(ClaimsPrincipal owner, Guid consentId) => Changed(await Owner(owner).DeclineAsync(consentId), consentId);

    /// <summary>The ISO/IEC TS 27560 records of one of the owner's consents; empty for anyone else's, like an unknown id.</summary>
    public Task<IReadOnlyList<ConsentRecordRow>> RecordsAsync(ClaimsPrincipal owner, Guid consentId, CancellationToken cancellationToken = default) =>
        consents.ListRecordsAsync(OwnerId(owner), consentId, cancellationToken);

    /// <summary>The organisations a person can share with, by name.</summary>
    public async Task<IReadOnlyList<Organisation>> AudiencesAsync(CancellationToken cancellationToken = default) =>
        [.. (await organisations.ListAsync(cancellationToken: cancellationToken)).OrderBy(organisation => organisation.Name, StringComparer.CurrentCultureIgnoreCase)];

    private async Task EndUnsharedContactPersonsAsync(Guid ownerId)
    {
        var consent = grains.GetGrain<IConsentGrain>(ownerId);
        foreach (var organisationId in await contactPersons.OrganisationsOfPersonAsync(ownerId))
        {
            if (await organisations.FindAsync(organisationId) is not { } organisation)
            {
                continue;
            }

            var grant = await consent.GetActiveGrantAsync(new ReaderOrganisation(organisation.Id, organisation.Kind, organisation.Sector));
            if (!grant.Categories.Contains(DataCategory.Plan))
            {
                await contactPersons.EndForOrganisationAsync(ownerId, organisationId, time.GetUtcNow());
            }
        }
    }

    private static Outcome<Guid> Changed(ConsentChange change, Guid consentId) =>
        change == ConsentChange.Done ? Outcome.Done(consentId) : Refused<Guid>(change);

    /// <summary>Why the owner's grain refused a change: not theirs (not found), or not allowed from where the consent stands.</summary>
    private static Outcome<T> Refused<T>(ConsentChange change) => change == ConsentChange.NotFound
        ? Outcome.Fail<T>(OutcomeStatus.NotFound, NotFound)
        : Outcome.Fail<T>(OutcomeStatus.Conflict, NotAllowed);

    private IConsentGrain Owner(ClaimsPrincipal owner) => grains.GetGrain<IConsentGrain>(OwnerId(owner));

    private static Guid OwnerId(ClaimsPrincipal owner) => owner?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in person has consents.");
}
