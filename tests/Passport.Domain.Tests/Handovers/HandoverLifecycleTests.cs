using Passport.Domain.Handovers;

namespace Passport.Domain.Tests.Handovers;

public sealed class HandoverLifecycleTests
{
    [Fact]
    public void Lifecycle_Proposed_IsConsentedAcceptedAndCompleted()
    {
        var status = HandoverStatus.Proposed;
        var lifecycle = new HandoverLifecycle(() => status, value => status = value, () => false);

        lifecycle.Make(HandoverMove.Consent);
        lifecycle.Make(HandoverMove.Accept);
        lifecycle.Make(HandoverMove.Complete);

        Assert.Equal(HandoverStatus.Completed, status);
        Assert.True(lifecycle.IsFinal);
    }

    [Theory]
    [InlineData(HandoverStatus.Proposed, new[] { HandoverMove.Consent, HandoverMove.Decline, HandoverMove.Withdraw, HandoverMove.Expire })]
    [InlineData(HandoverStatus.Consented, new[] { HandoverMove.Accept, HandoverMove.Decline, HandoverMove.Withdraw, HandoverMove.Expire })]
    [InlineData(HandoverStatus.Accepted, new[] { HandoverMove.Complete, HandoverMove.Decline, HandoverMove.Withdraw, HandoverMove.Expire })]
    [InlineData(HandoverStatus.Completed, new HandoverMove[0])]
    [InlineData(HandoverStatus.Declined, new HandoverMove[0])]
    [InlineData(HandoverStatus.Withdrawn, new HandoverMove[0])]
    [InlineData(HandoverStatus.Expired, new HandoverMove[0])]
    public void AllowedMoves_EachStatus_AreTheMachinesOnly(HandoverStatus from, HandoverMove[] expected)
    {
        var status = from;
        var lifecycle = new HandoverLifecycle(() => status, value => status = value, () => false);

        Assert.Equal(expected, lifecycle.AllowedMoves);
    }

    [Theory]
    [InlineData(HandoverStatus.Proposed, new[] { HandoverMove.Decline, HandoverMove.Withdraw, HandoverMove.Expire })]
    [InlineData(HandoverStatus.Consented, new[] { HandoverMove.Decline, HandoverMove.Withdraw, HandoverMove.Expire })]
    [InlineData(HandoverStatus.Accepted, new[] { HandoverMove.Decline, HandoverMove.Withdraw, HandoverMove.Expire })]
    public void AllowedMoves_PastItsLifetime_NoMoveForward(HandoverStatus from, HandoverMove[] expected)
    {
        var status = from;
        var lifecycle = new HandoverLifecycle(() => status, value => status = value, () => true);

        Assert.Equal(expected, lifecycle.AllowedMoves);
    }

    [Theory]
    [InlineData(HandoverStatus.Completed, HandoverMove.Withdraw)]
    [InlineData(HandoverStatus.Declined, HandoverMove.Consent)]
    [InlineData(HandoverStatus.Withdrawn, HandoverMove.Accept)]
    [InlineData(HandoverStatus.Expired, HandoverMove.Complete)]
    [InlineData(HandoverStatus.Proposed, HandoverMove.Accept)]
    [InlineData(HandoverStatus.Consented, HandoverMove.Complete)]
    public void Make_NotPermitted_ThrowsAndWritesNothing(HandoverStatus from, HandoverMove move)
    {
        var written = new List<HandoverStatus>();
        var status = from;
        var lifecycle = new HandoverLifecycle(() => status, value => { status = value; written.Add(value); }, () => false);

        Assert.Throws<InvalidOperationException>(() => lifecycle.Make(move));
        Assert.Empty(written);
    }

    [Fact]
    public void ToDotGraph_ListsEveryState()
    {
        var graph = HandoverLifecycle.ToDotGraph();

        Assert.All(Enum.GetNames<HandoverStatus>(), name => Assert.Contains(name, graph, StringComparison.Ordinal));
    }

    [Fact]
    public void DocsGraph_MatchesTheMachine() =>
        Assert.Equal(LifecycleDocs.Normalise(HandoverLifecycle.ToDotGraph()), LifecycleDocs.Read("handover.dot"));
}
