using Passport.Domain.Handovers;

namespace Passport.Domain.Tests.Handovers;

public sealed class HandoverTests
{
    private static readonly DateTimeOffset Proposed = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Lifetime = Handover.DefaultLifetime;

    private static readonly HandoverNote Note = new("Two sessions on a CV.", "A place in a bakery.", "Mornings are hard.");

    /// <summary>The statuses a hand-over can still move from.</summary>
    public static TheoryData<HandoverStatus> InProgress => [HandoverStatus.Proposed, HandoverStatus.Consented, HandoverStatus.Accepted];

    private sealed record Parties(Guid PersonId, Guid SendingOrganisationId, Guid ReceivingOrganisationId)
    {
        public static Parties Fresh() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        public HandoverActor Person => new(PersonId, HandoverSide.Person, "Sam", null, null);

        public HandoverActor Sender => new(Guid.NewGuid(), HandoverSide.Sending, "Coach A", SendingOrganisationId, "Municipality A");

        public HandoverActor Receiver => new(Guid.NewGuid(), HandoverSide.Receiving, "Coach B", ReceivingOrganisationId, "Municipality B");
    }

    private static Handover Propose(Parties parties, params Guid[] steps)
    {
        var errors = Handover.Propose(
            Guid.NewGuid(), parties.Sender, parties.PersonId, new HandoverProposal(parties.ReceivingOrganisationId, null, Note, steps), steps,
            Proposed, Lifetime, out var handover);
        Assert.True(errors.IsValid);
        return handover!;
    }

    private static Handover Accepted(Parties parties, DateTimeOffset consentAt, DateTimeOffset acceptAt)
    {
        var handover = Propose(parties);
        Assert.True(handover.Consent(parties.Person, consentAt).IsDone);
        Assert.True(handover.Accept(parties.Receiver, Guid.NewGuid(), acceptAt).IsDone);
        return handover;
    }

    private static Handover Completed(Parties parties, DateTimeOffset consentAt, DateTimeOffset metAt)
    {
        var handover = Accepted(parties, consentAt, consentAt);
        Assert.True(handover.Complete(parties.Receiver, metAt, metAt).IsDone);
        return handover;
    }

    private static Handover InStatus(Parties parties, HandoverStatus status)
    {
        var handover = status switch
        {
            HandoverStatus.Accepted => Accepted(parties, Proposed, Proposed),
            HandoverStatus.Completed => Completed(parties, Proposed, Proposed),
            _ => Propose(parties),
        };
        var done = status switch
        {
            HandoverStatus.Consented => handover.Consent(parties.Person, Proposed).IsDone,
            HandoverStatus.Declined => handover.Decline(parties.Person, null, Proposed).IsDone,
            HandoverStatus.Withdrawn => handover.Withdraw(parties.Sender, null, Proposed).IsDone,
            HandoverStatus.Expired => handover.Expire(Proposed + Lifetime),
            _ => true,
        };

        Assert.True(done);
        Assert.Equal(status, handover.Status);
        return handover;
    }

    [Fact]
    public void Propose_ValidProposal_IsProposedWithItsDatesAndHistory()
    {
        var parties = Parties.Fresh();
        var step = Guid.NewGuid();
        var sender = parties.Sender;

        var errors = Handover.Propose(
            Guid.NewGuid(), sender, parties.PersonId, new HandoverProposal(parties.ReceivingOrganisationId, null, Note with { Done = "  done  " }, [step]),
            [step, Guid.NewGuid()], Proposed, Lifetime, out var handover);

        Assert.True(errors.IsValid);
        Assert.Equal(HandoverStatus.Proposed, handover!.Status);
        Assert.Equal(Proposed + TimeSpan.FromDays(30), handover.ExpiresAt);
        Assert.Equal("done", handover.Note.Done);
        Assert.Equal([step], handover.TravellingStepIds);
        Assert.Equal(sender.UserId, handover.SendingContactPersonId);
        Assert.Equal(1, handover.Version);
        var entry = Assert.Single(handover.NewHistory);
        Assert.Equal((HandoverStatus.Proposed, sender.UserId, HandoverSide.Sending), (entry.Status, entry.ActorUserId!.Value, entry.ActorSide!.Value));
    }

    [Fact]
    public void Propose_NoSteps_OnlyTheGoalTravels()
    {
        var handover = Propose(Parties.Fresh());

        Assert.Empty(handover.TravellingStepIds);
    }

    [Fact]
    public void Propose_ToOwnOrganisation_IsRefused()
    {
        var parties = Parties.Fresh();

        var errors = Handover.Propose(
            Guid.NewGuid(), parties.Sender, parties.PersonId, new HandoverProposal(parties.SendingOrganisationId, null, Note, null), [], Proposed,
            Lifetime, out var handover);

        Assert.Null(handover);
        var error = Assert.Single(errors.Errors);
        Assert.Equal(("receivingOrganisationId", "Handover.Receiver.OwnOrganisation"), (error.Field, error.Code));
    }

    [Fact]
    public void Propose_NoReceiverOrUnknownStepOrEmptyPerson_NamesEach()
    {
        var parties = Parties.Fresh();

        var errors = Handover.Propose(
            Guid.NewGuid(), parties.Sender, parties.PersonId, new HandoverProposal(Guid.Empty, Guid.Empty, Note, [Guid.NewGuid()]), [Guid.NewGuid()],
            Proposed, Lifetime, out var handover);

        Assert.Null(handover);
        Assert.Equal(
            ["Handover.Receiver.Required", "Handover.ReceivingPerson.Unknown", "Handover.Steps.Unknown"],
            errors.Errors.Select(error => error.Code));
    }

    [Fact]
    public void Propose_MissingNote_RequiresDoneAndWants()
    {
        var parties = Parties.Fresh();

        var errors = Handover.Propose(
            Guid.NewGuid(), parties.Sender, parties.PersonId, new HandoverProposal(parties.ReceivingOrganisationId, null, null, null), [], Proposed,
            Lifetime, out _);

        Assert.Equal(["Handover.Note.Done.Required", "Handover.Note.Wants.Required"], errors.Errors.Select(error => error.Code));
    }

    [Fact]
    public void Propose_ByTheYoungPerson_Throws()
    {
        var parties = Parties.Fresh();

        Assert.Throws<ArgumentException>(() => Handover.Propose(
            Guid.NewGuid(), parties.Person, parties.PersonId, new HandoverProposal(parties.ReceivingOrganisationId, null, Note, null), [], Proposed,
            Lifetime, out _));
    }

    [Fact]
    public void NoteValidate_BlankDoneAndWants_AreRequired()
    {
        var errors = new HandoverNote(" ", null, null).Validate();

        Assert.Equal(
            [("note.done", "Handover.Note.Done.Required"), ("note.wants", "Handover.Note.Wants.Required")],
            errors.Errors.Select(error => (error.Field, error.Code)));
    }

    [Fact]
    public void NoteValidate_TooLong_NamesEachFieldWithItsMaximum()
    {
        var errors = new HandoverNote(
            new string('a', HandoverNote.DoneMaxLength + 1), new string('b', HandoverNote.WantsMaxLength + 1),
            new string('c', HandoverNote.WatchForMaxLength + 1)).Validate();

        Assert.Equal(
            ["Handover.Note.Done.TooLong", "Handover.Note.Wants.TooLong", "Handover.Note.WatchFor.TooLong"],
            errors.Errors.Select(error => error.Code));
        Assert.All(errors.Errors, error => Assert.Equal([2000], error.Arguments));
    }

    [Fact]
    public void NoteValidate_AtTheMaximumWithoutWatchFor_IsValid()
    {
        var note = new HandoverNote(new string('a', HandoverNote.DoneMaxLength), " wants ", "  ");

        Assert.True(note.Validate().IsValid);
        Assert.Null(note.Trimmed().WatchFor);
    }

    [Fact]
    public void Consent_ByTheYoungPerson_IsConsented()
    {
        var parties = Parties.Fresh();
        var handover = Propose(parties);

        var decision = handover.Consent(parties.Person, Proposed.AddDays(1));

        Assert.True(decision.IsDone);
        Assert.Equal(HandoverStatus.Consented, handover.Status);
        Assert.Equal(Proposed.AddDays(1), handover.ConsentedAt);
        Assert.Equal(2, handover.Version);
    }

    [Fact]
    public void Consent_BySomeoneElsesPerson_IsNotYours()
    {
        var parties = Parties.Fresh();
        var handover = Propose(parties);

        var decision = handover.Consent(new HandoverActor(Guid.NewGuid(), HandoverSide.Person, "Other", null, null), Proposed);

        Assert.Equal(HandoverRefusal.NotYours, decision.Refusal);
        Assert.Equal(HandoverStatus.Proposed, handover.Status);
    }

    [Fact]
    public void Consent_ByEitherOrganisation_IsNotYours()
    {
        var parties = Parties.Fresh();
        var handover = Propose(parties);

        Assert.Equal(HandoverRefusal.NotYours, handover.Consent(parties.Sender, Proposed).Refusal);
        Assert.Equal(HandoverRefusal.NotYours, handover.Consent(parties.Receiver, Proposed).Refusal);
        Assert.Null(handover.ConsentedAt);
    }

    [Fact]
    public void Consent_Twice_SecondIsNotAllowed()
    {
        var parties = Parties.Fresh();
        var handover = InStatus(parties, HandoverStatus.Consented);

        Assert.Equal(HandoverRefusal.NotAllowed, handover.Consent(parties.Person, Proposed.AddHours(1)).Refusal);
    }

    [Fact]
    public void Accept_ByTheReceivingOrganisation_NamesTheNewContactPerson()
    {
        var parties = Parties.Fresh();
        var handover = InStatus(parties, HandoverStatus.Consented);
        var contact = Guid.NewGuid();

        var decision = handover.Accept(parties.Receiver, contact, Proposed.AddDays(2));

        Assert.True(decision.IsDone);
        Assert.Equal(HandoverStatus.Accepted, handover.Status);
        Assert.Equal((contact, Proposed.AddDays(2)), (handover.NewContactPersonId!.Value, handover.AcceptedAt!.Value));
    }

    [Fact]
    public void Accept_BeforeTheYoungPersonConsented_IsNotAllowed()
    {
        var parties = Parties.Fresh();
        var handover = Propose(parties);

        Assert.Equal(HandoverRefusal.NotAllowed, handover.Accept(parties.Receiver, Guid.NewGuid(), Proposed).Refusal);
    }

    [Fact]
    public void Accept_BySenderPersonOrAnotherOrganisation_IsNotYours()
    {
        var parties = Parties.Fresh();
        var handover = InStatus(parties, HandoverStatus.Consented);
        var stranger = new HandoverActor(Guid.NewGuid(), HandoverSide.Receiving, "Coach C", Guid.NewGuid(), "Municipality C");

        Assert.Equal(HandoverRefusal.NotYours, handover.Accept(parties.Sender, Guid.NewGuid(), Proposed).Refusal);
        Assert.Equal(HandoverRefusal.NotYours, handover.Accept(parties.Person, Guid.NewGuid(), Proposed).Refusal);
        Assert.Equal(HandoverRefusal.NotYours, handover.Accept(stranger, Guid.NewGuid(), Proposed).Refusal);
        Assert.Equal(HandoverStatus.Consented, handover.Status);
    }

    [Fact]
    public void Accept_WithoutContactPerson_IsInvalid()
    {
        var parties = Parties.Fresh();
        var handover = InStatus(parties, HandoverStatus.Consented);

        var decision = handover.Accept(parties.Receiver, Guid.Empty, Proposed);

        Assert.Equal(HandoverRefusal.Invalid, decision.Refusal);
        Assert.Equal("Handover.ContactPerson.Required", Assert.Single(decision.Errors!.Errors).Code);
        Assert.Equal(HandoverStatus.Consented, handover.Status);
    }

    [Fact]
    public void Complete_AfterTheMeeting_IsCompleted()
    {
        var parties = Parties.Fresh();
        var handover = Accepted(parties, Proposed.AddDays(1), Proposed.AddDays(2));

        var decision = handover.Complete(parties.Receiver, Proposed.AddDays(5), Proposed.AddDays(6));

        Assert.True(decision.IsDone);
        Assert.Equal(HandoverStatus.Completed, handover.Status);
        Assert.Equal((Proposed.AddDays(5), Proposed.AddDays(6)), (handover.MetAt!.Value, handover.CompletedAt!.Value));
        Assert.Equal(
            [HandoverStatus.Proposed, HandoverStatus.Consented, HandoverStatus.Accepted, HandoverStatus.Completed],
            handover.History.Select(entry => entry.Status));
    }

    [Fact]
    public void Complete_BeforeAcceptance_IsNotAllowed()
    {
        var parties = Parties.Fresh();
        var handover = InStatus(parties, HandoverStatus.Consented);

        Assert.Equal(HandoverRefusal.NotAllowed, handover.Complete(parties.Receiver, Proposed, Proposed).Refusal);
    }

    [Fact]
    public void Complete_BySenderOrPerson_IsNotYours()
    {
        var parties = Parties.Fresh();
        var handover = InStatus(parties, HandoverStatus.Accepted);

        Assert.Equal(HandoverRefusal.NotYours, handover.Complete(parties.Sender, Proposed, Proposed).Refusal);
        Assert.Equal(HandoverRefusal.NotYours, handover.Complete(parties.Person, Proposed, Proposed).Refusal);
    }

    [Fact]
    public void Complete_MeetingInTheFutureOrBeforeAcceptance_IsInvalid()
    {
        var parties = Parties.Fresh();
        var handover = Accepted(parties, Proposed.AddDays(1), Proposed.AddDays(2));

        var future = handover.Complete(parties.Receiver, Proposed.AddDays(4), Proposed.AddDays(3));
        var early = handover.Complete(parties.Receiver, Proposed.AddDays(1), Proposed.AddDays(3));

        Assert.Equal("Handover.MetAt.Future", Assert.Single(future.Errors!.Errors).Code);
        Assert.Equal("Handover.MetAt.BeforeAccepted", Assert.Single(early.Errors!.Errors).Code);
        Assert.Equal(HandoverStatus.Accepted, handover.Status);
    }

    [Theory]
    [MemberData(nameof(InProgress))]
    public void Decline_ByTheYoungPersonBeforeCompletion_IsDeclinedWithoutReason(HandoverStatus status)
    {
        var parties = Parties.Fresh();
        var handover = InStatus(parties, status);

        var decision = handover.Decline(parties.Person, "  ", Proposed.AddDays(1));

        Assert.True(decision.IsDone);
        Assert.Equal((HandoverStatus.Declined, HandoverSide.Person), (handover.Status, handover.DeclinedBy!.Value));
        Assert.Null(handover.DeclinedReason);
    }

    [Theory]
    [InlineData(HandoverStatus.Consented)]
    [InlineData(HandoverStatus.Accepted)]
    public void Decline_ByTheReceivingOrganisationOnceAsked_KeepsTheReason(HandoverStatus status)
    {
        var parties = Parties.Fresh();
        var handover = InStatus(parties, status);

        var decision = handover.Decline(parties.Receiver, " No places until June. ", Proposed.AddDays(1));

        Assert.True(decision.IsDone);
        Assert.Equal((HandoverSide.Receiving, "No places until June."), (handover.DeclinedBy!.Value, handover.DeclinedReason));
        Assert.Equal("No places until June.", handover.History[^1].Detail);
    }

    [Fact]
    public void Decline_ByTheReceivingOrganisationBeforeConsent_IsNotYours()
    {
        var parties = Parties.Fresh();
        var handover = Propose(parties);

        Assert.Equal(HandoverRefusal.NotYours, handover.Decline(parties.Receiver, "No.", Proposed).Refusal);
        Assert.Equal(HandoverStatus.Proposed, handover.Status);
    }

    [Fact]
    public void Decline_ByTheSendingSide_IsNotYours()
    {
        var parties = Parties.Fresh();
        var handover = Propose(parties);

        Assert.Equal(HandoverRefusal.NotYours, handover.Decline(parties.Sender, "No.", Proposed).Refusal);
    }

    [Fact]
    public void Decline_ByTheReceivingOrganisationWithoutOrTooLongReason_IsInvalid()
    {
        var parties = Parties.Fresh();
        var handover = InStatus(parties, HandoverStatus.Consented);

        var missing = handover.Decline(parties.Receiver, null, Proposed);
        var tooLong = handover.Decline(parties.Receiver, new string('x', Handover.ReasonMaxLength + 1), Proposed);

        Assert.Equal("Handover.Reason.Required", Assert.Single(missing.Errors!.Errors).Code);
        Assert.Equal("Handover.Reason.TooLong", Assert.Single(tooLong.Errors!.Errors).Code);
        Assert.Equal(HandoverStatus.Consented, handover.Status);
    }

    [Theory]
    [MemberData(nameof(InProgress))]
    public void Withdraw_BySendingSideBeforeCompletion_IsWithdrawn(HandoverStatus status)
    {
        var parties = Parties.Fresh();
        var handover = InStatus(parties, status);

        Assert.True(handover.Withdraw(parties.Sender, "She found a job herself.", Proposed.AddDays(1)).IsDone);
        Assert.Equal(HandoverStatus.Withdrawn, handover.Status);
        Assert.Null(handover.DeclinedBy);
    }

    [Fact]
    public void Withdraw_ByPersonOrReceiver_IsNotYours()
    {
        var parties = Parties.Fresh();
        var handover = InStatus(parties, HandoverStatus.Consented);

        Assert.Equal(HandoverRefusal.NotYours, handover.Withdraw(parties.Person, null, Proposed).Refusal);
        Assert.Equal(HandoverRefusal.NotYours, handover.Withdraw(parties.Receiver, null, Proposed).Refusal);
    }

    [Theory]
    [InlineData(HandoverStatus.Completed)]
    [InlineData(HandoverStatus.Declined)]
    [InlineData(HandoverStatus.Withdrawn)]
    [InlineData(HandoverStatus.Expired)]
    public void EveryMove_FinalHandover_IsNotAllowedAndChangesNothing(HandoverStatus status)
    {
        var parties = Parties.Fresh();
        var handover = InStatus(parties, status);
        var version = handover.Version;
        var at = Proposed.AddDays(1);

        Assert.Equal(HandoverRefusal.NotAllowed, handover.Consent(parties.Person, at).Refusal);
        Assert.Equal(HandoverRefusal.NotAllowed, handover.Accept(parties.Receiver, Guid.NewGuid(), at).Refusal);
        Assert.Equal(HandoverRefusal.NotAllowed, handover.Complete(parties.Receiver, at, at).Refusal);
        Assert.Equal(HandoverRefusal.NotAllowed, handover.Decline(parties.Person, null, at).Refusal);
        Assert.Equal(HandoverRefusal.NotAllowed, handover.Withdraw(parties.Sender, null, at).Refusal);
        Assert.False(handover.Expire(Proposed + Lifetime));
        Assert.Equal((status, version), (handover.Status, handover.Version));
    }

    [Fact]
    public void Expire_JustBeforeItsEnd_ChangesNothing()
    {
        var handover = Propose(Parties.Fresh());

        Assert.False(handover.IsDue(handover.ExpiresAt.AddTicks(-1)));
        Assert.False(handover.Expire(handover.ExpiresAt.AddTicks(-1)));
        Assert.Equal(HandoverStatus.Proposed, handover.Status);
    }

    [Theory]
    [MemberData(nameof(InProgress))]
    public void Expire_AtItsEnd_IsExpiredByNobody(HandoverStatus status)
    {
        var handover = InStatus(Parties.Fresh(), status);

        Assert.True(handover.IsDue(handover.ExpiresAt));
        Assert.True(handover.Expire(handover.ExpiresAt));

        Assert.Equal(HandoverStatus.Expired, handover.Status);
        var entry = handover.History[^1];
        Assert.Equal((HandoverStatus.Expired, null, null), (entry.Status, entry.ActorUserId, entry.ActorSide));
    }

    [Fact]
    public void Consent_AtItsEnd_IsRefusedAndExpires()
    {
        var parties = Parties.Fresh();
        var handover = Propose(parties);

        Assert.Equal(HandoverRefusal.Expired, handover.Consent(parties.Person, handover.ExpiresAt).Refusal);
        Assert.Equal(HandoverStatus.Expired, handover.Status);
        Assert.Null(handover.ConsentedAt);
    }

    [Fact]
    public void Complete_AfterItsEnd_IsRefusedAndExpires()
    {
        var parties = Parties.Fresh();
        var handover = Accepted(parties, Proposed, Proposed);

        var decision = handover.Complete(parties.Receiver, Proposed.AddDays(29), handover.ExpiresAt.AddHours(1));

        Assert.Equal(HandoverRefusal.Expired, decision.Refusal);
        Assert.Equal(HandoverStatus.Expired, handover.Status);
        Assert.Null(handover.CompletedAt);
    }

    [Fact]
    public void Move_ByStrangerAfterItsEnd_IsNotYoursAndDoesNotExpireIt()
    {
        var parties = Parties.Fresh();
        var handover = Propose(parties);

        var decision = handover.Consent(new HandoverActor(Guid.NewGuid(), HandoverSide.Person, "Other", null, null), handover.ExpiresAt);

        Assert.Equal(HandoverRefusal.NotYours, decision.Refusal);
        Assert.Equal(HandoverStatus.Proposed, handover.Status);
    }

    [Fact]
    public void IsWarm_MetWithinTheWindowOfTheConsent_IsWarm()
    {
        var consent = Proposed.AddDays(10);
        var handover = Completed(Parties.Fresh(), consent, consent + Handover.DefaultWarmWithin);

        Assert.True(handover.IsWarm(Handover.DefaultWarmWithin));
        Assert.False(handover.IsCold(Handover.DefaultWarmWithin));
    }

    [Fact]
    public void IsWarm_MetLaterThanTheWindow_IsCold()
    {
        var consent = Proposed.AddDays(1);
        var handover = Completed(Parties.Fresh(), consent, consent + Handover.DefaultWarmWithin + TimeSpan.FromTicks(1));

        Assert.False(handover.IsWarm(Handover.DefaultWarmWithin));
        Assert.True(handover.IsCold(Handover.DefaultWarmWithin));
    }

    [Fact]
    public void IsWarm_YoungPersonTookTheirTimeToDecide_StillWarm()
    {
        // Twenty days between proposal and consent: the window counts from the consent.
        var consent = Proposed.AddDays(20);
        var handover = Completed(Parties.Fresh(), consent, consent.AddDays(3));

        Assert.True(handover.IsWarm(TimeSpan.FromDays(14)));
    }

    [Theory]
    [InlineData(HandoverStatus.Declined, true)]
    [InlineData(HandoverStatus.Expired, true)]
    [InlineData(HandoverStatus.Withdrawn, false)]
    [InlineData(HandoverStatus.Proposed, false)]
    [InlineData(HandoverStatus.Consented, false)]
    [InlineData(HandoverStatus.Accepted, false)]
    public void IsCold_NotCompleted_OnlyDeclinedOrExpired(HandoverStatus status, bool cold)
    {
        var handover = InStatus(Parties.Fresh(), status);

        Assert.False(handover.IsWarm(Handover.DefaultWarmWithin));
        Assert.Equal(cold, handover.IsCold(Handover.DefaultWarmWithin));
    }

    [Fact]
    public void SendingAccessUntil_Completed_IsCompletionPlusOverlap()
    {
        var handover = Completed(Parties.Fresh(), Proposed, Proposed.AddDays(3));

        Assert.Equal(Proposed.AddDays(3) + Handover.DefaultOverlap, handover.SendingAccessUntil(Handover.DefaultOverlap));
        Assert.Equal(Proposed.AddDays(3).AddSeconds(5), handover.SendingAccessUntil(TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData(HandoverStatus.Proposed)]
    [InlineData(HandoverStatus.Consented)]
    [InlineData(HandoverStatus.Accepted)]
    [InlineData(HandoverStatus.Declined)]
    [InlineData(HandoverStatus.Withdrawn)]
    [InlineData(HandoverStatus.Expired)]
    public void SendingAccessUntil_NotCompleted_IsNull(HandoverStatus status)
    {
        var handover = InStatus(Parties.Fresh(), status);

        Assert.Null(handover.SendingAccessUntil(Handover.DefaultOverlap));
    }

    [Fact]
    public void Restore_StoredAcceptedHandover_CompletesLikeANewOne()
    {
        var parties = Parties.Fresh();
        var contact = Guid.NewGuid();
        var handover = Handover.Restore(
            Guid.NewGuid(), parties.PersonId, parties.SendingOrganisationId, null, parties.ReceivingOrganisationId, null, Note, [],
            HandoverStatus.Accepted, Proposed, Proposed + Lifetime, 3, [])
            .WithProgress(Proposed.AddDays(1), Proposed.AddDays(2), contact, null, null, null, null);

        Assert.True(handover.Complete(parties.Receiver, Proposed.AddDays(3), Proposed.AddDays(3)).IsDone);
        Assert.True(handover.IsWarm(Handover.DefaultWarmWithin));
        Assert.Equal(4, handover.Version);
        Assert.Single(handover.NewHistory);
        handover.MarkSaved();
        Assert.Empty(handover.NewHistory);
    }
}
