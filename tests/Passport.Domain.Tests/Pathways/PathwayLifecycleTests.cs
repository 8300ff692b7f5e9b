using Passport.Domain.Pathways;

namespace Passport.Domain.Tests.Pathways;

public sealed class PathwayLifecycleTests
{
    [Fact]
    public void Lifecycle_Draft_OpensThenFillsReopensAndCloses()
    {
        var status = PathwayStatus.Draft;
        var lifecycle = new PathwayLifecycle(() => status, value => status = value);

        Assert.True(lifecycle.CanOpen && lifecycle.CanEdit);
        Assert.False(lifecycle.CanFill || lifecycle.CanClose);
        lifecycle.Open();
        Assert.Equal(PathwayStatus.Open, status);
        lifecycle.Fill();
        Assert.Equal(PathwayStatus.Full, status);
        lifecycle.Open();
        Assert.Equal(PathwayStatus.Open, status);
        lifecycle.Close();

        Assert.Equal(PathwayStatus.Closed, status);
    }

    [Fact]
    public void Lifecycle_Full_CanClose()
    {
        var status = PathwayStatus.Full;
        var lifecycle = new PathwayLifecycle(() => status, value => status = value);

        Assert.False(lifecycle.CanFill);
        lifecycle.Close();

        Assert.Equal(PathwayStatus.Closed, status);
    }

    [Fact]
    public void Lifecycle_Closed_IsFinalAndFrozen()
    {
        var status = PathwayStatus.Closed;
        var lifecycle = new PathwayLifecycle(() => status, value => status = value);

        Assert.False(lifecycle.CanOpen || lifecycle.CanFill || lifecycle.CanClose || lifecycle.CanEdit);
        Assert.Throws<InvalidOperationException>(lifecycle.Open);
    }

    [Fact]
    public void Lifecycle_Open_CannotOpenAgain()
    {
        var status = PathwayStatus.Open;
        var lifecycle = new PathwayLifecycle(() => status, value => status = value);

        Assert.False(lifecycle.CanOpen);
        Assert.True(lifecycle.CanEdit);
    }

    [Fact]
    public void ToDotGraph_ListsEveryState()
    {
        var graph = PathwayLifecycle.ToDotGraph();

        Assert.All(Enum.GetNames<PathwayStatus>(), name => Assert.Contains(name, graph, StringComparison.Ordinal));
    }

    [Fact]
    public void DocsGraph_MatchesTheMachine() =>
        Assert.Equal(LifecycleDocs.Normalise(PathwayLifecycle.ToDotGraph()), LifecycleDocs.Read("pathway.dot"));
}
