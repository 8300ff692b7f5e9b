using Passport.Domain.Staff;

namespace Passport.Domain.Tests.Staff;

public sealed class InvitationLifecycleTests
{
    private static readonly DateTimeOffset Sent = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Ends = Sent.AddDays(7);

    [Fact]
    public void Accept_PendingBeforeItsEnd_IsAccepted()
    {
        var invitation = new StaffInvitation(InvitationStatus.Pending, Ends);

        Assert.True(invitation.Accept(Ends.AddTicks(-1)));
        Assert.Equal(InvitationStatus.Accepted, invitation.Status);
    }

    [Fact]
    public void Accept_Twice_SecondIsRefused()
    {
        var invitation = new StaffInvitation(InvitationStatus.Pending, Ends);
        invitation.Accept(Sent);

        Assert.False(invitation.Accept(Sent.AddMinutes(1)));
        Assert.Equal(InvitationStatus.Accepted, invitation.Status);
    }

    [Fact]
    public void Accept_AtOrAfterItsEnd_IsRefusedAndExpires()
    {
        var invitation = new StaffInvitation(InvitationStatus.Pending, Ends);

        Assert.False(invitation.Accept(Ends));
        Assert.Equal(InvitationStatus.Expired, invitation.Status);
    }

    [Theory]
    [InlineData(InvitationStatus.Expired)]
    [InlineData(InvitationStatus.Revoked)]
    public void Accept_FinalState_IsRefusedAndStays(InvitationStatus status)
    {
        var invitation = new StaffInvitation(status, Ends);

        Assert.False(invitation.Accept(Sent));
        Assert.Equal(status, invitation.Status);
    }

    [Fact]
    public void Lifecycle_Pending_CanBeRevokedOnlyOnce()
    {
        var status = InvitationStatus.Pending;
        var lifecycle = new InvitationLifecycle(() => status, value => status = value, () => false);

        lifecycle.Revoke();

        Assert.Equal(InvitationStatus.Revoked, status);
        Assert.False(lifecycle.CanRevoke);
        Assert.False(lifecycle.CanAccept);
        Assert.Throws<InvalidOperationException>(lifecycle.Accept);
    }

    [Fact]
    public void Lifecycle_PendingButExpired_CannotAccept()
    {
        var status = InvitationStatus.Pending;
        var lifecycle = new InvitationLifecycle(() => status, value => status = value, () => true);

        Assert.False(lifecycle.CanAccept);
        Assert.True(lifecycle.CanExpire);
    }

    [Fact]
    public void Request_WithoutAValidAddress_IsRefused()
    {
        Assert.False(new InvitationRequest("not an address", OrganisationAdmin: false).Validate().IsValid);
        Assert.True(new InvitationRequest("new.coach@example.org", OrganisationAdmin: true).Validate().IsValid);
    }

    [Fact]
    public void Acceptance_MissingFields_NamesEach()
    {
        var errors = new InvitationAcceptance(null, "", " ").Validate();

        Assert.Equal(["displayName", "password", "token"], errors.Errors.Select(error => error.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ToDotGraph_ListsEveryState()
    {
        var graph = InvitationLifecycle.ToDotGraph();

        Assert.All(Enum.GetNames<InvitationStatus>(), name => Assert.Contains(name, graph, StringComparison.Ordinal));
    }

    [Fact]
    public void DocsGraph_MatchesTheMachine() =>
        Assert.Equal(LifecycleDocs.Normalise(InvitationLifecycle.ToDotGraph()), LifecycleDocs.Read("staff-invitation.dot"));
}
