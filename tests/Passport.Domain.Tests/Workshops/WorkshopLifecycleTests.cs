using Passport.Domain.Workshops;

namespace Passport.Domain.Tests.Workshops;

public sealed class WorkshopLifecycleTests
{
    [Fact]
    public void Lifecycle_Open_TakesJoinsAndLeavesUntilClosed()
    {
        var status = WorkshopStatus.Open;
        var lifecycle = new WorkshopLifecycle(() => status, value => status = value);

        Assert.True(lifecycle.CanJoin && lifecycle.CanLeave && lifecycle.CanClose && lifecycle.IsOpen);
        lifecycle.Join();
        lifecycle.Leave();
        Assert.Equal(WorkshopStatus.Open, status);

        lifecycle.Close();

        Assert.Equal(WorkshopStatus.Closed, status);
        Assert.False(lifecycle.IsOpen);
    }

    [Fact]
    public void Lifecycle_Closed_RefusesJoinsAndClosingAgainButLetsPeopleLeave()
    {
        var status = WorkshopStatus.Closed;
        var lifecycle = new WorkshopLifecycle(() => status, value => status = value);

        Assert.False(lifecycle.CanJoin);
        Assert.False(lifecycle.CanClose);
        Assert.Throws<InvalidOperationException>(lifecycle.Join);
        Assert.Throws<InvalidOperationException>(lifecycle.Close);
        lifecycle.Leave();
        Assert.Equal(WorkshopStatus.Closed, status);
    }

    [Fact]
    public void ToDotGraph_ListsEveryState()
    {
        var graph = WorkshopLifecycle.ToDotGraph();

        Assert.All(Enum.GetNames<WorkshopStatus>(), name => Assert.Contains(name, graph, StringComparison.Ordinal));
    }

    [Fact]
    public void DocsGraph_MatchesTheMachine() =>
        Assert.Equal(LifecycleDocs.Normalise(WorkshopLifecycle.ToDotGraph()), LifecycleDocs.Read("workshop.dot"));
}
