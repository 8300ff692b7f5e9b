using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Passport.Application.Accounts;
using Passport.Application.Consent;
using Passport.Application.Email;
using Passport.Application.Notifications;
using Passport.Application.People;
using Passport.Application.PersonalData;
using Passport.Data.Accounts;
using Passport.Data.Handovers;
using Passport.Data.Notifications;
using Passport.Data.Organisations;
using Passport.Data.Plans;
using Passport.Data.Staff;
using Passport.Domain.Accounts;
using Passport.Domain.Consent;
using Passport.Domain.Handovers;
using Passport.Domain.Organisations;
using Passport.Domain.Validation;
using Passport.Grains.Consent;
using Passport.Grains.Plans;

namespace Passport.Application.Handovers;

/// <summary>
/// Warm hand-overs, for all three parties. The sending side proposes (through the consent door: only staff whose
/// organisation the young person shares their plan with); the young person reads the note and consents, which is a
/// <c>plan</c> consent to the receiving organisation given through <see cref="ConsentService"/> like any other; the
/// receiving organisation accepts, naming the new contact person, and records the first meeting, which completes it.
/// Until then it may be declined, withdrawn, or expire. The receiving organisation sees nothing before the young
/// person's consent and nothing after a decline, withdrawal or expiry: every refusal is "not found". Each move and
/// the notices it causes are stored in one transaction; what follows from it elsewhere (the consent taken back, the
/// new contact person, the sending side's access ending after the overlap) is harmless to repeat, and the expiry
/// round repeats the last one until the overlap ends, so a host stopping in between loses nothing.
/// </summary>
public sealed class HandoverDesk(
    HandoverRepository handovers,
    IPersonalData personalData,
    IGrainFactory grains,
    OrganisationRepository organisations,
    UserStore users,
    StaffRepository staffMembers,
    ConsentService consents,
    ContactPersonRepository contactPersons,
    HandoverNotices notices,
    PeopleNotices people,
    INotificationPush push,
    IOptions<HandoverOptions> options,
    TimeProvider time)
{
    private const string NotFound = "Handover.Problem.NotFound";

    private HandoverOptions Settings => options.Value;

    /// <summary>
    /// Staff of the organisation the person shares their plan with hand the person over; the person is "not found"
    /// without that consent (and the read of their plan is logged, as the answer shows its steps).
    /// </summary>
    public async Task<Outcome<HandoverSummary>> ProposeAsync(
        ClaimsPrincipal staff, Guid personId, HandoverInput input, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(input);
        if (await personalData.ReadAsync(staff, personId, [DataCategory.Plan], channel, cancellationToken) is null
            || await StaffActorAsync(staff, HandoverSide.Sending, cancellationToken) is not { } actor)
        {
            return Outcome.Fail<HandoverSummary>(OutcomeStatus.NotFound, "Consent.Problem.PersonNotFound");
        }

        var lookups = new ValidationErrors();
        var receivingId = input.ReceivingOrganisationId ?? Guid.Empty;
        if (receivingId != Guid.Empty && receivingId != actor.OrganisationId && await organisations.FindAsync(receivingId, cancellationToken) is not { } receiving)
        {
            lookups.Add("receivingOrganisationId", "Handover.Receiver.Unknown");
        }
        else if (input.ReceivingPersonUserId is { } receivingPersonId && receivingPersonId != Guid.Empty
            && !await IsActiveStaffAsync(receivingPersonId, receivingId, cancellationToken))
        {
            lookups.Add("receivingPersonUserId", "Handover.ReceivingPerson.Unknown");
        }

        var plan = await grains.GetGrain<IPlanGrain>(personId).GetAsync();
        var now = time.GetUtcNow();
        var proposal = new HandoverProposal(
            receivingId, input.ReceivingPersonUserId, new HandoverNote(input.Done, input.Wants, input.WatchFor), input.StepIds ?? []);
        var errors = Handover.Propose(
            Guid.CreateVersion7(now), actor, personId, proposal, [.. plan.Steps.Select(step => step.Id)], now, Settings.Lifetime, out var handover);
        foreach (var error in lookups.Errors)
        {
            errors.Add(error.Field, error.Code, error.Arguments);
        }

        if (!errors.IsValid || handover is null)
        {
            return Outcome.Invalid<HandoverSummary>(errors);
        }

        // One open hand-over per young person: two at once would leave them to choose between organisations.
        if ((await handovers.ListOfPersonAsync(personId, cancellationToken)).Any(other => !other.Handover.IsFinal && !other.Handover.IsDue(now)))
        {
            return Outcome.Fail<HandoverSummary>(OutcomeStatus.Conflict, "Handover.Problem.AlreadyOpen");
        }

        var parties = await PartiesAsync(handover, cancellationToken);
        var told = await notices.ForAsync(handover, parties, [], null, actor.Name, now, cancellationToken);
        await handovers.InsertAsync(handover, told, cancellationToken);
        Push(told);
        return Outcome.Done(await SummaryAsync(new StoredHandover(handover, null), HandoverSide.Sending, cancellationToken));
    }

    /// <summary>The young person's hand-overs, the newest first.</summary>
    public async Task<IReadOnlyList<HandoverSummary>> ListMineAsync(ClaimsPrincipal person, CancellationToken cancellationToken = default)
    {
        var result = new List<HandoverSummary>();
        foreach (var stored in await handovers.ListOfPersonAsync(PersonIdOf(person), cancellationToken))
        {
            result.Add(await SummaryAsync(stored, HandoverSide.Person, cancellationToken));
        }

        return result;
    }

    /// <summary>The hand-overs the caller's organisation sends, and those it receives once the young person has consented.</summary>
    public async Task<IReadOnlyList<HandoverSummary>> ListForOrganisationAsync(ClaimsPrincipal staff, CancellationToken cancellationToken = default)
    {
        if (await StaffActorAsync(staff, HandoverSide.Sending, cancellationToken) is not { OrganisationId: { } organisationId })
        {
            return [];
        }

        var result = new List<HandoverSummary>();
        foreach (var stored in await handovers.ListOfOrganisationAsync(organisationId, cancellationToken))
        {
            if (SideOf(stored.Handover, organisationId) is { } side)
            {
                result.Add(await SummaryAsync(stored, side, cancellationToken));
            }
        }

        return result;
    }

    /// <summary>Who the caller's organisation can name as a new contact person: its active staff, by name.</summary>
    public async Task<IReadOnlyList<(Guid UserId, string Name)>> ColleaguesAsync(ClaimsPrincipal staff, CancellationToken cancellationToken = default)
    {
        if (await StaffActorAsync(staff, HandoverSide.Receiving, cancellationToken) is not { OrganisationId: { } organisationId })
        {
            return [];
        }

        var result = new List<(Guid, string)>();
        foreach (var member in (await staffMembers.ListStaffAsync(organisationId, cancellationToken)).Where(member => member.IsActive))
        {
            if (await IsActiveStaffAsync(member.Id, organisationId, cancellationToken))
            {
                result.Add((member.Id, member.DisplayName));
            }
        }

        return result;
    }

    /// <summary>
    /// The young person says yes: their <c>plan</c> consent to the receiving organisation is given through the consent
    /// service first, and named by the hand-over in the same write as its move; if that write loses to another, the
    /// consent is taken back. Someone else's hand-over is not found.
    /// </summary>
    public async Task<Outcome<HandoverSummary>> ConsentAsync(ClaimsPrincipal person, Guid handoverId, CancellationToken cancellationToken = default)
    {
        var personId = PersonIdOf(person);
        if (await handovers.FindAsync(handoverId, cancellationToken) is not { } stored || stored.Handover.PersonId != personId)
        {
            return Outcome.Fail<HandoverSummary>(OutcomeStatus.NotFound, NotFound);
        }

        var handover = stored.Handover;
        var loadedVersion = handover.Version;
        var decision = handover.Consent(PersonActor(person), time.GetUtcNow());
        if (!decision.IsDone)
        {
            return await StoreRefusalAsync(stored, loadedVersion, decision, HandoverSide.Person, cancellationToken);
        }

        var parties = await PartiesAsync(handover, cancellationToken);
        var purpose = string.Format(
            CultureInfo.InvariantCulture, EmailComposer.Phrase("handover.Purpose", Culture(parties.Person.Language)), parties.SendingOrganisation,
            parties.ReceivingOrganisation);
        // Two long organisation names must not make the young person's yes invalid.
        var shared = await consents.ShareAsync(
            personId,
            new ConsentInput(
                handover.ReceivingOrganisationId, null, false, [DataCategory.Plan.Name()],
                purpose.Length > ConsentRules.MaxPurposeLength ? purpose[..ConsentRules.MaxPurposeLength] : purpose, null),
            cancellationToken);
        if (!shared.IsDone)
        {
            return shared.As<HandoverSummary>();
        }

        var consentId = shared.Value!.Id;
        var told = await notices.ForAsync(
            handover, parties, Also(await ReceivingStaffAsync(handover, cancellationToken), handover.SendingContactPersonId), null, null, time.GetUtcNow(),
            cancellationToken);
        if (!await handovers.SaveAsync(handover, loadedVersion, told, consentId, cancellationToken))
        {
            await consents.RevokeAsync(personId, consentId);
            return Outcome.Fail<HandoverSummary>(OutcomeStatus.Conflict, "Handover.Problem.Stale");
        }

        Push(told);
        return Outcome.Done(await SummaryAsync(stored with { ConsentId = consentId }, HandoverSide.Person, cancellationToken));
    }

    /// <summary>The young person says no (until it completes); the receiving organisation loses what the consent gave it.</summary>
    public async Task<Outcome<HandoverSummary>> DeclineAsMeAsync(ClaimsPrincipal person, Guid handoverId, string? reason, CancellationToken cancellationToken = default)
    {
        var personId = PersonIdOf(person);
        if (await handovers.FindAsync(handoverId, cancellationToken) is not { } stored || stored.Handover.PersonId != personId)
        {
            return Outcome.Fail<HandoverSummary>(OutcomeStatus.NotFound, NotFound);
        }

        var actor = PersonActor(person);
        return await MoveAsync(stored, HandoverSide.Person, (handover, now) => handover.Decline(actor, reason, now), cancellationToken);
    }

    /// <summary>The receiving organisation takes the young person on; the new contact person must be active staff of it.</summary>
    public async Task<Outcome<HandoverSummary>> AcceptAsync(ClaimsPrincipal staff, Guid handoverId, Guid? contactPersonUserId, CancellationToken cancellationToken = default)
    {
        if (await OwnAsync(staff, handoverId, HandoverSide.Receiving, cancellationToken) is not { } found)
        {
            return Outcome.Fail<HandoverSummary>(OutcomeStatus.NotFound, NotFound);
        }

        var contactId = contactPersonUserId ?? Guid.Empty;
        if (contactId != Guid.Empty && !await IsActiveStaffAsync(contactId, found.Stored.Handover.ReceivingOrganisationId, cancellationToken))
        {
            var errors = new ValidationErrors();
            errors.Add("contactPersonUserId", "Handover.ContactPerson.NotStaff");
            return Outcome.Invalid<HandoverSummary>(errors);
        }

        return await MoveAsync(found.Stored, HandoverSide.Receiving, (handover, now) => handover.Accept(found.Actor, contactId, now), cancellationToken);
    }

    /// <summary>The receiving organisation says no, with its reason; it loses what the consent gave it.</summary>
    public async Task<Outcome<HandoverSummary>> DeclineAsOrganisationAsync(
        ClaimsPrincipal staff, Guid handoverId, string? reason, CancellationToken cancellationToken = default) =>
        await OwnAsync(staff, handoverId, HandoverSide.Receiving, cancellationToken) is { } found
            ? await MoveAsync(found.Stored, HandoverSide.Receiving, (handover, now) => handover.Decline(found.Actor, reason, now), cancellationToken)
            : Outcome.Fail<HandoverSummary>(OutcomeStatus.NotFound, NotFound);

    /// <summary>The sending side takes it back before it completes.</summary>
    public async Task<Outcome<HandoverSummary>> WithdrawAsync(ClaimsPrincipal staff, Guid handoverId, string? reason, CancellationToken cancellationToken = default) =>
        await OwnAsync(staff, handoverId, HandoverSide.Sending, cancellationToken) is { } found
            ? await MoveAsync(found.Stored, HandoverSide.Sending, (handover, now) => handover.Withdraw(found.Actor, reason, now), cancellationToken)
            : Outcome.Fail<HandoverSummary>(OutcomeStatus.NotFound, NotFound);

    /// <summary>
    /// The receiving organisation records that the new contact person met the young person (at <paramref name="metAt"/>,
    /// now when not given), which completes it; the sending side's access then ends after <c>Handover:Overlap</c>.
    /// </summary>
    public async Task<Outcome<HandoverSummary>> RecordMeetingAsync(
        ClaimsPrincipal staff, Guid handoverId, DateTimeOffset? metAt, CancellationToken cancellationToken = default) =>
        await OwnAsync(staff, handoverId, HandoverSide.Receiving, cancellationToken) is { } found
            ? await MoveAsync(found.Stored, HandoverSide.Receiving, (handover, now) => handover.Complete(found.Actor, metAt ?? now, now), cancellationToken)
            : Outcome.Fail<HandoverSummary>(OutcomeStatus.NotFound, NotFound);

    /// <summary>
    /// One round of the expiry loop: hand-overs whose lifetime passed expire (whoever looks first; here nobody had),
    /// and the sending side's access end is applied again for every hand-over still in its overlap. Returns how many
    /// expired.
    /// </summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expired = 0;
        foreach (var id in await handovers.DueAsync(now, Settings.BatchSize, cancellationToken))
        {
            if (await handovers.FindAsync(id, cancellationToken) is not { } stored)
            {
                continue;
            }

            var loadedVersion = stored.Handover.Version;
            // Another host may have expired it meanwhile: its version then no longer matches, and nothing is written twice.
            if (stored.Handover.Expire(now) && await SaveAndFollowAsync(stored, loadedVersion, null, cancellationToken))
            {
                expired++;
            }
        }

        foreach (var stored in await handovers.CompletedSinceAsync(now - Settings.Overlap, cancellationToken))
        {
            await EndSendingAccessAsync(stored.Handover);
        }

        return expired;
    }

    private async Task<Outcome<HandoverSummary>> MoveAsync(
        StoredHandover stored, HandoverSide viewer, Func<Handover, DateTimeOffset, HandoverDecision> move, CancellationToken cancellationToken)
    {
        var loadedVersion = stored.Handover.Version;
        var decision = move(stored.Handover, time.GetUtcNow());
        if (!decision.IsDone)
        {
            return await StoreRefusalAsync(stored, loadedVersion, decision, viewer, cancellationToken);
        }

        if (!await SaveAndFollowAsync(stored, loadedVersion, viewer, cancellationToken))
        {
            return Outcome.Fail<HandoverSummary>(OutcomeStatus.Conflict, "Handover.Problem.Stale");
        }

        return Outcome.Done(await SummaryAsync(stored, viewer, cancellationToken));
    }

    /// <summary>A refused move; when the refusal was that its lifetime had passed, the expiry it found is stored (and told) first.</summary>
    private async Task<Outcome<HandoverSummary>> StoreRefusalAsync(
        StoredHandover stored, int loadedVersion, HandoverDecision decision, HandoverSide viewer, CancellationToken cancellationToken)
    {
        if (stored.Handover.NewHistory.Count > 0)
        {
            // Nobody's move: everyone involved is told, the caller too.
            await SaveAndFollowAsync(stored, loadedVersion, null, cancellationToken);
        }

        return decision.Refusal switch
        {
            HandoverRefusal.Invalid => Outcome.Invalid<HandoverSummary>(decision.Errors!),
            HandoverRefusal.NotYours => Outcome.Fail<HandoverSummary>(OutcomeStatus.Forbidden, "Handover.Problem.NotYours"),
            HandoverRefusal.Expired => Outcome.Fail<HandoverSummary>(OutcomeStatus.Conflict, "Handover.Problem.Expired"),
            _ => Outcome.Fail<HandoverSummary>(OutcomeStatus.Conflict, "Handover.Problem.NotAllowed"),
        };
    }

    /// <summary>
    /// Stores the move with its notices (the young person unless they made it; the sending contact person unless they
    /// made it; the receiving side once it has been asked; everyone when nobody made it, as in an expiry), then does
    /// what follows from it; false when it lost to another write.
    /// </summary>
    private async Task<bool> SaveAndFollowAsync(StoredHandover stored, int loadedVersion, HandoverSide? mover, CancellationToken cancellationToken)
    {
        var handover = stored.Handover;
        var parties = await PartiesAsync(handover, cancellationToken);
        var staff = new List<Guid>();
        if (mover != HandoverSide.Sending && handover.SendingContactPersonId is { } sendingContact)
        {
            staff.Add(sendingContact);
        }

        if (mover != HandoverSide.Receiving && handover.ConsentedAt is not null)
        {
            staff.AddRange(await ReceivingStaffAsync(handover, cancellationToken));
        }

        var sendingContactName = handover.SendingContactPersonId is { } senderId ? (await users.FindByIdAsync(senderId.ToString(), cancellationToken))?.DisplayName : null;
        var newContactName = handover.NewContactPersonId is { } newId ? (await users.FindByIdAsync(newId.ToString(), cancellationToken))?.DisplayName : null;
        var told = (await notices.ForAsync(handover, parties, staff, newContactName, sendingContactName, time.GetUtcNow(), cancellationToken))
            .Where(notice => mover != HandoverSide.Person || notice.Notification.PersonId != handover.PersonId)
            .ToList();
        if (!await handovers.SaveAsync(handover, loadedVersion, told, null, cancellationToken))
        {
            return false;
        }

        Push(told);
        switch (handover.Status)
        {
            case HandoverStatus.Accepted when handover.NewContactPersonId is { } contactId:
                // The existing contact-person code, with its own notice ("… is your new contact person").
                var now = time.GetUtcNow();
                PersonNotice Tell(Guid rowId) => people.Make(
                    rowId.ToString(), parties.Person, PeopleNotices.ContactPersonAssigned, [newContactName, parties.ReceivingOrganisation], PeopleNotices.MyPeoplePath, now);
                await contactPersons.AssignAsync(handover.PersonId, contactId, handover.ReceivingOrganisationId, now, Tell, cancellationToken);
                push.Changed(handover.PersonId);
                break;
            case HandoverStatus.Completed:
                await EndSendingAccessAsync(handover);
                break;
            case HandoverStatus.Declined or HandoverStatus.Withdrawn or HandoverStatus.Expired when stored.ConsentId is { } consentId:
                // The consent was given for this hand-over only; the young person's own consents stay as they are.
                await consents.RevokeAsync(handover.PersonId, consentId);
                break;
        }

        return true;
    }

    private async Task EndSendingAccessAsync(Handover handover)
    {
        if (handover.SendingAccessUntil(Settings.Overlap) is { } until)
        {
            await grains.GetGrain<IConsentGrain>(handover.PersonId).EndOrganisationAccessAsync(handover.SendingOrganisationId, DataCategory.Plan, until);
        }
    }

    /// <summary>The hand-over, when the caller is staff of the organisation on <paramref name="side"/> and that side may see it now.</summary>
    private async Task<(StoredHandover Stored, HandoverActor Actor)?> OwnAsync(
        ClaimsPrincipal staff, Guid handoverId, HandoverSide side, CancellationToken cancellationToken)
    {
        if (await StaffActorAsync(staff, side, cancellationToken) is not { OrganisationId: { } organisationId } actor
            || await handovers.FindAsync(handoverId, cancellationToken) is not { } stored
            || SideOf(stored.Handover, organisationId) != side)
        {
            return null;
        }

        return (stored, actor);
    }

    /// <summary>
    /// Where the organisation stands in the hand-over, if it may see it: the sending side always; the receiving side
    /// from the young person's consent on, and not once it was declined, withdrawn or expired.
    /// </summary>
    private static HandoverSide? SideOf(Handover handover, Guid organisationId)
    {
        if (handover.SendingOrganisationId == organisationId)
        {
            return HandoverSide.Sending;
        }

        return handover.ReceivingOrganisationId == organisationId
            && handover.Status is HandoverStatus.Consented or HandoverStatus.Accepted or HandoverStatus.Completed
            ? HandoverSide.Receiving
            : null;
    }

    /// <summary>The caller as a hand-over's history names them, when they are staff of their organisation's kind; null otherwise.</summary>
    private async Task<HandoverActor?> StaffActorAsync(ClaimsPrincipal staff, HandoverSide side, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (staff.GetUserId() is not { } userId || staff.GetOrganisationId() is not { } organisationId
            || await organisations.FindAsync(organisationId, cancellationToken) is not { } organisation
            || !staff.IsInRole(organisation.Kind.StaffRole()))
        {
            return null;
        }

        return new HandoverActor(userId, side, NameOf(staff), organisationId, organisation.Name);
    }

    private async Task<bool> IsActiveStaffAsync(Guid userId, Guid organisationId, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId.ToString(), cancellationToken);
        var organisation = await organisations.FindAsync(organisationId, cancellationToken);
        return user is { DeactivatedAt: null } && organisation is not null && user.OrganisationId == organisationId
            && user.Roles.Contains(organisation.Kind.StaffRole());
    }

    /// <summary>Who at the receiving organisation is told: the person the sending side named, else all its active staff.</summary>
    private async Task<IReadOnlyCollection<Guid>> ReceivingStaffAsync(Handover handover, CancellationToken cancellationToken)
    {
        if (handover.NewContactPersonId is { } contact)
        {
            return [contact];
        }

        if (handover.ReceivingPersonId is { } named && await IsActiveStaffAsync(named, handover.ReceivingOrganisationId, cancellationToken))
        {
            return [named];
        }

        return [.. (await staffMembers.ListStaffAsync(handover.ReceivingOrganisationId, cancellationToken)).Where(member => member.IsActive).Select(member => member.Id)];
    }

    private async Task<HandoverParties> PartiesAsync(Handover handover, CancellationToken cancellationToken) =>
        new(
            await people.RecipientAsync(handover.PersonId, cancellationToken),
            (await organisations.FindAsync(handover.SendingOrganisationId, cancellationToken))?.Name ?? "",
            (await organisations.FindAsync(handover.ReceivingOrganisationId, cancellationToken))?.Name ?? "");

    private async Task<HandoverSummary> SummaryAsync(StoredHandover stored, HandoverSide viewer, CancellationToken cancellationToken)
    {
        var handover = stored.Handover;
        var parties = await PartiesAsync(handover, cancellationToken);
        async Task<string?> NameAsync(Guid? userId) => userId is { } id ? (await users.FindByIdAsync(id.ToString(), cancellationToken))?.DisplayName : null;
        var plan = await grains.GetGrain<IPlanGrain>(handover.PersonId).GetAsync();
        return new HandoverSummary(
            handover, viewer, parties.Person.Name, parties.SendingOrganisation, parties.ReceivingOrganisation,
            await NameAsync(handover.SendingContactPersonId), await NameAsync(handover.ReceivingPersonId), await NameAsync(handover.NewContactPersonId),
            [.. plan.Steps.Where(step => handover.TravellingStepIds.Contains(step.Id)).Select(step => new TravellingStep(step.Id, step.Title, step.Meaning))],
            handover.IsWarm(Settings.WarmWithin), handover.SendingAccessUntil(Settings.Overlap));
    }

    private void Push(IEnumerable<PersonNotice> told)
    {
        foreach (var personId in told.Select(notice => notice.Notification.PersonId).Distinct())
        {
            push.Changed(personId);
        }
    }

    private static IReadOnlyCollection<Guid> Also(IReadOnlyCollection<Guid> staff, Guid? more) => more is { } id ? [.. staff, id] : staff;

    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(Languages.IsSupported(language) ? language : Languages.Default);

    private static Guid PersonIdOf(ClaimsPrincipal person) =>
        person?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in young person has hand-overs.");

    private static HandoverActor PersonActor(ClaimsPrincipal person) => new(PersonIdOf(person), HandoverSide.Person, NameOf(person), null, null);

    private static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(PassportClaims.Name) ?? "";
}
