using Passport.Domain.Plans;

namespace Passport.Domain.Tests.Plans;

public sealed class PlanStepLifecycleTests
{
    [Fact]
    public void Lifecycle_Proposed_IsAgreedStartedAndDone()
    {
        var status = PlanStepStatus.Proposed;
        var lifecycle = new PlanStepLifecycle(() => status, value => status = value);

        lifecycle.Make(PlanMove.Agree);
        lifecycle.Make(PlanMove.Start);
        lifecycle.Make(PlanMove.Finish);

        Assert.Equal(PlanStepStatus.Done, status);
        Assert.True(lifecycle.IsFinal);
    }

    [Theory]
    [InlineData(PlanStepStatus.Proposed, new[] { PlanMove.Agree, PlanMove.Decline, PlanMove.Drop })]
    [InlineData(PlanStepStatus.Agreed, new[] { PlanMove.Start, PlanMove.Finish, PlanMove.Drop })]
    [InlineData(PlanStepStatus.InProgress, new[] { PlanMove.Finish, PlanMove.Drop })]
    [InlineData(PlanStepStatus.Done, new PlanMove[0])]
    [InlineData(PlanStepStatus.Declined, new PlanMove[0])]
    [InlineData(PlanStepStatus.Dropped, new PlanMove[0])]
    public void AllowedMoves_EachStatus_AreTheMachinesOnly(PlanStepStatus from, PlanMove[] expected)
    {
        var status = from;
        var lifecycle = new PlanStepLifecycle(() => status, value => status = value);

        Assert.Equal(expected, lifecycle.AllowedMoves);
    }

    [Fact]
    public void Make_FinalStep_ThrowsAndWritesNothing()
    {
        var written = new List<PlanStepStatus>();
        var status = PlanStepStatus.Declined;
        var lifecycle = new PlanStepLifecycle(() => status, value => { status = value; written.Add(value); });

        Assert.Throws<InvalidOperationException>(() => lifecycle.Make(PlanMove.Agree));
        Assert.Empty(written);
    }

    [Fact]
    public void PlanMoves_Names_RoundTrip()
    {
        foreach (var move in Enum.GetValues<PlanMove>())
        {
            Assert.True(PlanMoves.TryParse(move.Name(), out var parsed));
            Assert.Equal(move, parsed);
        }

        Assert.False(PlanMoves.TryParse("finish", out _));
    }

    [Fact]
    public void DocsGraph_MatchesTheMachine() =>
        Assert.Equal(LifecycleDocs.Normalise(PlanStepLifecycle.ToDotGraph()), LifecycleDocs.Read("plan-step.dot"));
}
