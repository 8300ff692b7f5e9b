using Passport.Domain.Validation;

namespace Passport.Domain.Handovers;

/// <summary>
/// A warm hand-over of a young person from one organisation to another. The rules of who may do what live here: the
/// sending side proposes and may withdraw; only the young person consents, and they may decline until it completes;
/// only the receiving organisation accepts (naming the new contact person) and records the first meeting, and it may
/// decline once the young person has consented (before that it has not been asked). A hand-over not completed within
/// its lifetime expires, whoever looks at it first. Every move adds to the history and raises <see cref="Version"/>.
/// </summary>
public sealed class Handover
{
    /// <summary>How long a hand-over may take from proposal to completion unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(30);

    /// <summary>How soon after the young person's consent they must have met their new contact person to call it warm.</summary>
    public static readonly TimeSpan DefaultWarmWithin = TimeSpan.FromDays(14);

    /// <summary>How long the sending side keeps access after completion unless configured otherwise.</summary>
    public static readonly TimeSpan DefaultOverlap = TimeSpan.FromDays(14);

    public const int ReasonMaxLength = 500;

    private readonly List<HandoverHistoryEntry> _history;
    private readonly List<HandoverHistoryEntry> _newHistory = [];
    private readonly HashSet<Guid> _travellingStepIds;
    private HandoverStatus _status;

    private Handover(
        Guid id, Guid personId, Guid sendingOrganisationId, Guid? sendingContactPersonId, Guid receivingOrganisationId,
        Guid? receivingPersonId, HandoverNote note, IEnumerable<Guid> travellingStepIds, HandoverStatus status, DateTimeOffset proposedAt,
        DateTimeOffset expiresAt, int version, IEnumerable<HandoverHistoryEntry> history)
    {
        Id = id;
        PersonId = personId;
        SendingOrganisationId = sendingOrganisationId;
        SendingContactPersonId = sendingContactPersonId;
        ReceivingOrganisationId = receivingOrganisationId;
        ReceivingPersonId = receivingPersonId;
        Note = note;
        _travellingStepIds = [.. travellingStepIds];
        _status = status;
        ProposedAt = proposedAt;
        ExpiresAt = expiresAt;
        Version = version;
        _history = [.. history];
    }

    public Guid Id { get; }

    /// <summary>The young person handed over.</summary>
    public Guid PersonId { get; }

    public Guid SendingOrganisationId { get; }

    /// <summary>The contact person who proposed it; null once that account is gone (the history keeps the name).</summary>
    public Guid? SendingContactPersonId { get; }

    public Guid ReceivingOrganisationId { get; }

    /// <summary>Who the sending side hopes will take over, when they know; the receiving organisation decides.</summary>
    public Guid? ReceivingPersonId { get; }

    public HandoverNote Note { get; }

    /// <summary>The plan steps that travel with the young person; empty when only the goal does.</summary>
    public IReadOnlySet<Guid> TravellingStepIds => _travellingStepIds;

    public HandoverStatus Status => _status;

    public DateTimeOffset ProposedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    public DateTimeOffset? ConsentedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>The young person's contact person at the receiving organisation, named when it accepts.</summary>
    public Guid? NewContactPersonId { get; private set; }

    /// <summary>When the new contact person first met the young person (may be before it was recorded).</summary>
    public DateTimeOffset? MetAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public HandoverSide? DeclinedBy { get; private set; }

    public string? DeclinedReason { get; private set; }

    /// <summary>1 when proposed; one more with every move.</summary>
    public int Version { get; private set; }

    /// <summary>Every move, oldest first.</summary>
    public IReadOnlyList<HandoverHistoryEntry> History => _history;

    /// <summary>History entries added since the hand-over was proposed, loaded or last saved.</summary>
    public IReadOnlyList<HandoverHistoryEntry> NewHistory => _newHistory;

    public bool IsFinal => HandoverLifecycle.IsFinalStatus(_status);

    /// <summary>
    /// A new hand-over by <paramref name="by"/> (sending side) of the young person <paramref name="personId"/>, ending
    /// <paramref name="lifetime"/> after <paramref name="now"/>; null with the broken rules when the proposal is invalid.
    /// <paramref name="planStepIds"/> are the steps of the young person's plan.
    /// </summary>
    public static ValidationErrors Propose(
        Guid id, HandoverActor by, Guid personId, HandoverProposal proposal, IReadOnlyCollection<Guid> planStepIds, DateTimeOffset now,
        TimeSpan lifetime, out Handover? handover)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        if (by.Side != HandoverSide.Sending || by.OrganisationId is not { } sendingOrganisationId)
        {
            throw new ArgumentException("Only staff of an organisation hand a young person over.", nameof(by));
        }

        handover = null;
        var errors = proposal.Validate(sendingOrganisationId, planStepIds);
        if (!errors.IsValid)
        {
            return errors;
        }

        handover = new Handover(
            id, personId, sendingOrganisationId, by.UserId, proposal.ReceivingOrganisationId, proposal.ReceivingPersonUserId,
            proposal.Note!.Trimmed(), proposal.TravellingStepIds ?? [], HandoverStatus.Proposed, now, now + lifetime, 0, []);
        handover.Record(by, now, null);
        return errors;
    }

    /// <summary>A stored hand-over, as it was saved.</summary>
    public static Handover Restore(
        Guid id, Guid personId, Guid sendingOrganisationId, Guid? sendingContactPersonId, Guid receivingOrganisationId,
        Guid? receivingPersonId, HandoverNote note, IEnumerable<Guid> travellingStepIds, HandoverStatus status, DateTimeOffset proposedAt,
        DateTimeOffset expiresAt, int version, IEnumerable<HandoverHistoryEntry> history) =>
        new(id, personId, sendingOrganisationId, sendingContactPersonId, receivingOrganisationId, receivingPersonId, note, travellingStepIds,
            status, proposedAt, expiresAt, version, history);

    /// <summary>Restores what the moves after the proposal stored.</summary>
    public Handover WithProgress(
        DateTimeOffset? consentedAt, DateTimeOffset? acceptedAt, Guid? newContactPersonId, DateTimeOffset? metAt, DateTimeOffset? completedAt,
        HandoverSide? declinedBy, string? declinedReason)
    {
        ConsentedAt = consentedAt;
        AcceptedAt = acceptedAt;
        NewContactPersonId = newContactPersonId;
        MetAt = metAt;
        CompletedAt = completedAt;
        DeclinedBy = declinedBy;
        DeclinedReason = declinedReason;
        return this;
    }

    /// <summary>After the moves were stored: nothing is new any more.</summary>
    public void MarkSaved() => _newHistory.Clear();

    /// <summary>Whether its lifetime has passed while it could still expire: a sweep should call <see cref="Expire"/>.</summary>
    public bool IsDue(DateTimeOffset now) => now >= ExpiresAt && Lifecycle(now).CanMake(HandoverMove.Expire);

    /// <summary>Marks it expired when its lifetime has passed and it has not ended; false otherwise.</summary>
    public bool Expire(DateTimeOffset now)
    {
        if (!IsDue(now))
        {
            return false;
        }

        Lifecycle(now).Make(HandoverMove.Expire);
        Record(null, now, null);
        return true;
    }

    /// <summary>The young person agrees to be handed over.</summary>
    public HandoverDecision Consent(HandoverActor actor, DateTimeOffset now)
    {
        if (Refuse(actor, now, HandoverMove.Consent, actor?.Side == HandoverSide.Person) is { } refused)
        {
            return refused;
        }

        Make(HandoverMove.Consent, actor!, now, null);
        ConsentedAt = now;
        return HandoverDecision.Done;
    }

    /// <summary>
    /// The receiving organisation takes the young person on and names their new contact person (whether that user is
    /// staff of the receiving organisation is for the caller to check).
    /// </summary>
    public HandoverDecision Accept(HandoverActor actor, Guid newContactPersonId, DateTimeOffset now)
    {
        if (Refuse(actor, now, HandoverMove.Accept, actor?.Side == HandoverSide.Receiving) is { } refused)
        {
            return refused;
        }

        if (newContactPersonId == Guid.Empty)
        {
            var errors = new ValidationErrors();
            errors.Add("contactPersonUserId", "Handover.ContactPerson.Required");
            return new HandoverDecision(HandoverRefusal.Invalid, errors);
        }

        Make(HandoverMove.Accept, actor!, now, null);
        AcceptedAt = now;
        NewContactPersonId = newContactPersonId;
        return HandoverDecision.Done;
    }

    /// <summary>
    /// The receiving organisation records that the new contact person met the young person at <paramref name="metAt"/>:
    /// not in the future and not before it accepted. It must be recorded before the lifetime ends, like every move forward.
    /// </summary>
    public HandoverDecision Complete(HandoverActor actor, DateTimeOffset metAt, DateTimeOffset now)
    {
        if (Refuse(actor, now, HandoverMove.Complete, actor?.Side == HandoverSide.Receiving) is { } refused)
        {
            return refused;
        }

        var errors = new ValidationErrors();
        if (metAt > now)
        {
            errors.Add("metAt", "Handover.MetAt.Future");
        }
        else if (metAt < AcceptedAt)
        {
            errors.Add("metAt", "Handover.MetAt.BeforeAccepted");
        }

        if (!errors.IsValid)
        {
            return new HandoverDecision(HandoverRefusal.Invalid, errors);
        }

        Make(HandoverMove.Complete, actor!, now, null);
        MetAt = metAt;
        CompletedAt = now;
        return HandoverDecision.Done;
    }

    /// <summary>
    /// The young person (until it completes, reason optional) or the receiving organisation (once the young person has
    /// consented, reason required: the sending side needs to know what to do next) says no.
    /// </summary>
    public HandoverDecision Decline(HandoverActor actor, string? reason, DateTimeOffset now)
    {
        var side = actor?.Side;
        var mayDecline = side == HandoverSide.Person || (side == HandoverSide.Receiving && _status != HandoverStatus.Proposed);
        if (Refuse(actor, now, HandoverMove.Decline, mayDecline) is { } refused)
        {
            return refused;
        }

        if (ValidateReason(reason, required: side == HandoverSide.Receiving) is { } invalid)
        {
            return invalid;
        }

        var text = Trimmed(reason);
        Make(HandoverMove.Decline, actor!, now, text);
        DeclinedBy = side;
        DeclinedReason = text;
        return HandoverDecision.Done;
    }

    /// <summary>The sending side takes it back before it completes; the young person stays with them.</summary>
    public HandoverDecision Withdraw(HandoverActor actor, string? reason, DateTimeOffset now)
    {
        if (Refuse(actor, now, HandoverMove.Withdraw, actor?.Side == HandoverSide.Sending) is { } refused)
        {
            return refused;
        }

        if (ValidateReason(reason, required: false) is { } invalid)
        {
            return invalid;
        }

        Make(HandoverMove.Withdraw, actor!, now, Trimmed(reason));
        return HandoverDecision.Done;
    }

    /// <summary>
    /// Whether it was warm: completed, and the new contact person met the young person within
    /// <paramref name="warmWithin"/> of the young person's consent. The clock starts at the consent, not the proposal:
    /// time the young person takes to decide is theirs and must not make a hand-over cold, while from their "yes" on
    /// they are between two organisations, which is the gap a warm hand-over keeps short. Acceptance lies in between,
    /// so a slow receiving organisation makes it cold.
    /// </summary>
    public bool IsWarm(TimeSpan warmWithin) => Warmth(_status, ConsentedAt, MetAt, warmWithin) == true;

    /// <summary>
    /// Whether it was cold: declined, expired, or completed but not warm. A withdrawn hand-over is neither: the young
    /// person stayed with the sending side, so nobody fell between organisations; one in progress is not decided yet.
    /// </summary>
    public bool IsCold(TimeSpan warmWithin) => Warmth(_status, ConsentedAt, MetAt, warmWithin) == false;

    /// <summary>
    /// Warm (true), cold (false) or neither (null) from a hand-over's stored figures: the one rule behind
    /// <see cref="IsWarm"/> and <see cref="IsCold"/>, for readers that count hand-overs without restoring each one.
    /// </summary>
    public static bool? Warmth(HandoverStatus status, DateTimeOffset? consentedAt, DateTimeOffset? metAt, TimeSpan warmWithin) => status switch
    {
        HandoverStatus.Completed => consentedAt is { } consented && metAt is { } met && met - consented <= warmWithin,
        HandoverStatus.Declined or HandoverStatus.Expired => false,
        _ => null,
    };

    /// <summary>
    /// Until when the sending side keeps its access because of this hand-over: <paramref name="overlap"/> after
    /// completion, so both contact persons can talk while the young person settles in. Null while it is in progress or
    /// when it ended without completing: the sending side is still the young person's contact, and afterwards only
    /// the young person's own consents decide.
    /// </summary>
    public DateTimeOffset? SendingAccessUntil(TimeSpan overlap) =>
        _status == HandoverStatus.Completed && CompletedAt is { } completedAt ? completedAt + overlap : null;

    private HandoverDecision? Refuse(HandoverActor? actor, DateTimeOffset now, HandoverMove move, bool sideMayMake)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!IsPartyTo(actor))
        {
            return new HandoverDecision(HandoverRefusal.NotYours);
        }

        if (Expire(now))
        {
            return new HandoverDecision(HandoverRefusal.Expired);
        }

        if (!Lifecycle(now).CanMake(move))
        {
            return new HandoverDecision(HandoverRefusal.NotAllowed);
        }

        return sideMayMake ? null : new HandoverDecision(HandoverRefusal.NotYours);
    }

    /// <summary>The young person themself, or staff of one of the two organisations, each on their own side.</summary>
    private bool IsPartyTo(HandoverActor actor) => actor.Side switch
    {
        HandoverSide.Person => actor.UserId == PersonId,
        HandoverSide.Sending => actor.OrganisationId == SendingOrganisationId,
        HandoverSide.Receiving => actor.OrganisationId == ReceivingOrganisationId,
        _ => false,
    };

    private static HandoverDecision? ValidateReason(string? reason, bool required)
    {
        var text = Trimmed(reason);
        var errors = new ValidationErrors();
        if (text is null && required)
        {
            errors.Add("reason", "Handover.Reason.Required");
        }
        else if (text?.Length > ReasonMaxLength)
        {
            errors.Add("reason", "Handover.Reason.TooLong", ReasonMaxLength);
        }

        return errors.IsValid ? null : new HandoverDecision(HandoverRefusal.Invalid, errors);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private HandoverLifecycle Lifecycle(DateTimeOffset now) => new(() => _status, value => _status = value, () => now >= ExpiresAt);

    private void Make(HandoverMove move, HandoverActor actor, DateTimeOffset now, string? detail)
    {
        Lifecycle(now).Make(move);
        Record(actor, now, detail);
    }

    private void Record(HandoverActor? actor, DateTimeOffset at, string? detail)
    {
        var entry = new HandoverHistoryEntry(
            Guid.CreateVersion7(at), at, _status, actor?.UserId, actor?.Side, actor?.Name, actor?.OrganisationName, detail);
        _history.Add(entry);
        _newHistory.Add(entry);
        Version++;
    }
}
