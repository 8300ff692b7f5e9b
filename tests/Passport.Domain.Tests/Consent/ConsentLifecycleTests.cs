using Passport.Domain.Consent;

namespace Passport.Domain.Tests.Consent;

public sealed class ConsentLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static readonly ConsentDraft Draft = new(ConsentAudience.Organisation(Guid.NewGuid()), [DataCategory.Skills], "Job", null);

    [Fact]
    public void Grant_Direct_IsActiveAndCanOnlyBeRevoked()
    {
        var consent = DataConsent.Grant(Guid.NewGuid(), Guid.NewGuid(), Draft, Now);

        Assert.True(consent.IsActiveAt(Now));
        Assert.True(consent.CanRevoke);
        Assert.False(consent.CanApprove);
        Assert.False(consent.CanDecline);
    }

    [Fact]
    public void Request_BeforeApproval_ShowsNothing()
    {
        var consent = DataConsent.Request(Guid.NewGuid(), Guid.NewGuid(), Draft, Guid.NewGuid(), Now);

        Assert.Equal(ConsentStatus.Requested, consent.Status);
        Assert.False(consent.IsActiveAt(Now));
        Assert.False(consent.CanRevoke);
    }

    [Fact]
    public void Approve_Request_GivesConsent()
    {
        var consent = DataConsent.Request(Guid.NewGuid(), Guid.NewGuid(), Draft, Guid.NewGuid(), Now);

        var recorded = consent.Approve(Now.AddHours(1));

        Assert.Equal(ConsentEvent.Given, recorded);
        Assert.Equal(ConsentStatus.Granted, consent.Status);
        Assert.Equal(Now.AddHours(1), consent.DecidedAt);
        Assert.True(consent.IsActiveAt(Now.AddHours(1)));
    }

    [Fact]
    public void Decline_Request_IsFinal()
    {
        var consent = DataConsent.Request(Guid.NewGuid(), Guid.NewGuid(), Draft, Guid.NewGuid(), Now);

        Assert.Equal(ConsentEvent.Declined, consent.Decline(Now));

        Assert.Equal(ConsentStatus.Declined, consent.Status);
        Assert.False(consent.CanApprove);
        Assert.Throws<InvalidOperationException>(() => consent.Approve(Now));
    }

    [Fact]
    public void Revoke_Granted_StopsAtOnceAndIsFinal()
    {
        var consent = DataConsent.Grant(Guid.NewGuid(), Guid.NewGuid(), Draft, Now);

        Assert.Equal(ConsentEvent.Withdrawn, consent.Revoke(Now.AddMinutes(5)));

        Assert.False(consent.IsActiveAt(Now.AddMinutes(5)));
        Assert.Equal(Now.AddMinutes(5), consent.ClosedAt);
        Assert.Throws<InvalidOperationException>(() => consent.Revoke(Now));
    }

    [Fact]
    public void Expiry_Passed_StopsCountingBeforeItIsMarked()
    {
        var consent = DataConsent.Grant(Guid.NewGuid(), Guid.NewGuid(), Draft with { ExpiresAt = Now.AddDays(1) }, Now);

        Assert.True(consent.IsActiveAt(Now.AddDays(1).AddTicks(-1)));
        Assert.False(consent.IsActiveAt(Now.AddDays(1)));
        Assert.True(consent.HasLapsed(Now.AddDays(1)));
        Assert.Equal(ConsentEvent.Expired, consent.Expire());
        Assert.Equal(ConsentStatus.Expired, consent.Status);
        Assert.Equal(Now.AddDays(1), consent.ClosedAt);
        Assert.False(consent.HasLapsed(Now.AddDays(2)));
    }

    [Fact]
    public void Expiry_OfAnUnansweredRequest_EndsIt()
    {
        var consent = DataConsent.Request(Guid.NewGuid(), Guid.NewGuid(), Draft with { ExpiresAt = Now.AddDays(1) }, Guid.NewGuid(), Now);

        Assert.True(consent.HasLapsed(Now.AddDays(2)));
        consent.Expire();

        Assert.False(consent.CanApprove);
    }

    [Fact]
    public void ToDotGraph_ListsEveryState()
    {
        var graph = ConsentLifecycle.ToDotGraph();

        Assert.All(Enum.GetNames<ConsentStatus>(), name => Assert.Contains(name, graph, StringComparison.Ordinal));
    }

    [Fact]
    public void DocsGraph_MatchesTheMachine() =>
        Assert.Equal(LifecycleDocs.Normalise(ConsentLifecycle.ToDotGraph()), LifecycleDocs.Read("consent.dot"));
}
