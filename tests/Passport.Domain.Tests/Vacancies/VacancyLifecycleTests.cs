using Passport.Domain.Vacancies;

namespace Passport.Domain.Tests.Vacancies;

public sealed class VacancyLifecycleTests
{
    [Fact]
    public void Lifecycle_Draft_CanBePublishedThenClosed()
    {
        var status = VacancyStatus.Draft;
        var lifecycle = new VacancyLifecycle(() => status, value => status = value);

        Assert.False(lifecycle.IsOpen);
        Assert.True(lifecycle.CanPublish && lifecycle.CanClose);
        lifecycle.Publish();

        Assert.Equal(VacancyStatus.Published, status);
        Assert.True(lifecycle.IsOpen);
        Assert.False(lifecycle.CanPublish);
        lifecycle.Close();

        Assert.Equal(VacancyStatus.Closed, status);
        Assert.False(lifecycle.IsOpen);
    }

    [Fact]
    public void Lifecycle_Draft_CanBeClosedWithoutPublishing()
    {
        var status = VacancyStatus.Draft;
        var lifecycle = new VacancyLifecycle(() => status, value => status = value);

        lifecycle.Close();

        Assert.Equal(VacancyStatus.Closed, status);
    }

    [Fact]
    public void Lifecycle_Closed_RefusesEveryMove()
    {
        var written = new List<VacancyStatus>();
        var status = VacancyStatus.Closed;
        var lifecycle = new VacancyLifecycle(() => status, value => { status = value; written.Add(value); });

        Assert.False(lifecycle.CanPublish || lifecycle.CanClose);
        Assert.Throws<InvalidOperationException>(lifecycle.Publish);
        Assert.Throws<InvalidOperationException>(lifecycle.Close);
        Assert.Empty(written);
    }

    [Fact]
    public void Lifecycle_Published_CannotBePublishedAgain()
    {
        var status = VacancyStatus.Published;
        var lifecycle = new VacancyLifecycle(() => status, value => status = value);

        Assert.Throws<InvalidOperationException>(lifecycle.Publish);
        Assert.Equal(VacancyStatus.Published, status);
    }

    [Fact]
    public void ToDotGraph_ListsEveryState()
    {
        var graph = VacancyLifecycle.ToDotGraph();

        Assert.All(Enum.GetNames<VacancyStatus>(), name => Assert.Contains(name, graph, StringComparison.Ordinal));
    }

    [Fact]
    public void DocsGraph_MatchesTheMachine() =>
        Assert.Equal(LifecycleDocs.Normalise(VacancyLifecycle.ToDotGraph()), LifecycleDocs.Read("vacancy.dot"));
}
