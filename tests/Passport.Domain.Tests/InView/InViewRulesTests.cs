using Microsoft.Extensions.Time.Testing;
using Passport.Domain.Handovers;
using Passport.Domain.InView;
using Passport.Domain.Journeys;

namespace Passport.Domain.Tests.InView;

public sealed class InViewRulesTests
{
    private static readonly TimeSpan NoContactAfter = TimeSpan.FromDays(42);
    private static readonly TimeSpan WarmWithin = TimeSpan.FromDays(14);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void Judge_ActiveStepRecentContact_IsInView() => Assert.Empty(Judge(Facts()));

    [Fact]
    public void Judge_NoContactLongerThanTheSetting_SaysSinceTheLastContact()
    {
        var lastContact = Now.AddDays(-50);

        var signal = Assert.Single(Judge(Facts() with { LastContactAt = lastContact }));

        Assert.Equal(new InViewSignal(InViewReason.NoContact, lastContact), signal);
    }

    [Fact]
    public void Judge_NoContactJustWithinTheSetting_IsInView()
    {
        var facts = Facts() with { LastContactAt = Now.AddDays(-40) };
        _clock.Advance(TimeSpan.FromDays(2));

        Assert.Empty(Judge(facts));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(InViewReason.NoContact, Assert.Single(Judge(facts)).Reason);
    }

    [Fact]
    public void Judge_NeverAnyContact_CountsFromSharing()
    {
        var shared = Now.AddDays(-60);

        var signal = Assert.Single(Judge(Facts() with { SharedSince = shared, LastContactAt = null }));

        Assert.Equal(shared, signal.Since);
    }

    [Fact]
    public void Judge_NoActiveStep_SinceTheLastStepChange()
    {
        var changed = Now.AddDays(-3);

        var signal = Assert.Single(Judge(Facts() with { HasActivePlanStep = false, LastStepChangeAt = changed }));

        Assert.Equal(new InViewSignal(InViewReason.NoActivePlanStep, changed), signal);
    }

    [Fact]
    public void Judge_TwoMissedInARow_ButNotWhenTheLatestTookPlace()
    {
        var missedTwice = Facts() with { PastAppointments = [new(Now.AddDays(-9), true), new(Now.AddDays(-2), true), new(Now.AddDays(-20), false)] };
        var missedThenCame = Facts() with { PastAppointments = [new(Now.AddDays(-9), true), new(Now.AddDays(-2), false), new(Now.AddDays(-5), true)] };

        Assert.Equal(new InViewSignal(InViewReason.MissedAppointments, Now.AddDays(-2)), Assert.Single(Judge(missedTwice)));
        Assert.Empty(Judge(missedThenCame));
    }

    [Fact]
    public void Judge_OpenHandoverPastHalfItsLifetime_IsStuck()
    {
        var proposed = Now.AddDays(-16);
        var facts = Facts() with { Handovers = [Handover(HandoverStatus.Consented, proposed)] };

        var signal = Assert.Single(Judge(facts));

        Assert.Equal(new InViewSignal(InViewReason.HandoverStuck, proposed.AddDays(15)), signal);
        Assert.Empty(Judge(Facts() with { Handovers = [Handover(HandoverStatus.Consented, Now.AddDays(-14))] }));
    }

    [Fact]
    public void Judge_AcceptedNotMetWithinWarmWithin_IsStuck()
    {
        var accepted = Now.AddDays(-15);
        var facts = Facts() with { Handovers = [Handover(HandoverStatus.Accepted, Now.AddDays(-20)) with { AcceptedAt = accepted }] };

        Assert.Equal(new InViewSignal(InViewReason.HandoverStuck, accepted + WarmWithin), Assert.Single(Judge(facts)));
    }

    [Fact]
    public void Judge_OnlyTheLatestHandoverCounts()
    {
        var expiredThenCompleted = Facts() with
        {
            Handovers = [Handover(HandoverStatus.Expired, Now.AddDays(-90)), Handover(HandoverStatus.Completed, Now.AddDays(-40))],
        };
        var expired = Facts() with { Handovers = [Handover(HandoverStatus.Expired, Now.AddDays(-40)) with { EndedAt = Now.AddDays(-10) }] };

        Assert.Empty(Judge(expiredThenCompleted));
        Assert.Equal(new InViewSignal(InViewReason.HandoverExpired, Now.AddDays(-10)), Assert.Single(Judge(expired)));
    }

    [Fact]
    public void Judge_ContactPersonDeactivatedStillActive_IsGone()
    {
        var deactivated = Now.AddDays(-5);
        var facts = Facts() with { ContactPersons = [new ContactPersonState(deactivated, null, false)] };

        Assert.Equal(new InViewSignal(InViewReason.ContactPersonGone, deactivated), Assert.Single(Judge(facts)));
    }

    [Fact]
    public void Judge_ContactPersonDeactivatedWithSuccessorOrAnotherActive_IsInView()
    {
        var withSuccessor = Facts() with { ContactPersons = [new ContactPersonState(Now.AddDays(-5), Now.AddDays(-5), true)], HasActiveContactPerson = true };
        var endedButAnotherActive = Facts() with { ContactPersons = [new ContactPersonState(Now.AddDays(-5), Now.AddDays(-5), false)], HasActiveContactPerson = true };
        var endedNobodyLeft = Facts() with { ContactPersons = [new ContactPersonState(Now.AddDays(-5), Now.AddDays(-5), false)], HasActiveContactPerson = false };

        Assert.Empty(Judge(withSuccessor));
        Assert.Empty(Judge(endedButAnotherActive));
        Assert.Equal(InViewReason.ContactPersonGone, Assert.Single(Judge(endedNobodyLeft)).Reason);
    }

    [Fact]
    public void Worklist_OnlyDrifting_LongestOutOfViewFirst()
    {
        var inView = Facts();
        var recent = Facts() with { PersonId = Guid.NewGuid(), Name = "Recent", HasActivePlanStep = false, LastStepChangeAt = Now.AddDays(-2) };
        var longAgo = Facts() with { PersonId = Guid.NewGuid(), Name = "Long ago", LastContactAt = Now.AddDays(-100) };

        var list = InViewRules.Worklist([inView, recent, longAgo], Now, NoContactAfter, WarmWithin);

        Assert.Equal(["Long ago", "Recent"], list.Select(entry => entry.Name));
    }

    private IReadOnlyList<InViewSignal> Judge(InViewFacts facts) => InViewRules.Judge(facts, Now, NoContactAfter, WarmWithin);

    private InViewFacts Facts() => new(
        Guid.NewGuid(), "In view", Now.AddDays(-100), HasActivePlanStep: true, Now.AddDays(-100), Now.AddDays(-1), [], [], [], HasActiveContactPerson: true);

    private static HandoverFacts Handover(HandoverStatus status, DateTimeOffset proposedAt) =>
        new(Guid.NewGuid(), status, "Eindhoven", "Helmond", proposedAt, proposedAt.AddDays(30), null, null, null, null, null);
}
