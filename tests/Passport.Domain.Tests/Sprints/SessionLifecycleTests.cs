using Passport.Domain.Sprints;

namespace Passport.Domain.Tests.Sprints;

public sealed class SessionLifecycleTests
{
    [Fact]
    public void Lifecycle_StartPauseResumeComplete_MovesThroughTheStates()
    {
        var status = SessionStatus.Created;
        var lifecycle = new SessionLifecycle(() => status, value => status = value);

        Assert.False(lifecycle.CanAnswer);
        lifecycle.Start();
        Assert.True(lifecycle.CanAnswer);
        lifecycle.Pause();
        Assert.Equal(SessionStatus.Paused, status);
        Assert.False(lifecycle.CanAnswer);
        Assert.False(lifecycle.CanComplete);
        lifecycle.Resume();
        lifecycle.Complete();

        Assert.Equal(SessionStatus.Completed, status);
        Assert.True(lifecycle.IsFinished);
    }

    [Theory]
    [InlineData(SessionStatus.Completed)]
    [InlineData(SessionStatus.Abandoned)]
    [InlineData(SessionStatus.Expired)]
    public void Lifecycle_FinishedSession_AllowsNothing(SessionStatus finished)
    {
        var status = finished;
        var lifecycle = new SessionLifecycle(() => status, value => status = value);

        Assert.False(lifecycle.CanStart || lifecycle.CanPause || lifecycle.CanResume || lifecycle.CanAbandon || lifecycle.CanExpire || lifecycle.CanAnswer);
        Assert.Throws<InvalidOperationException>(lifecycle.Resume);
        Assert.Equal(finished, status);
    }

    [Theory]
    [InlineData(SessionStatus.Created)]
    [InlineData(SessionStatus.InProgress)]
    [InlineData(SessionStatus.Paused)]
    public void Lifecycle_OpenSession_CanBeAbandonedOrExpire(SessionStatus open)
    {
        var status = open;
        var lifecycle = new SessionLifecycle(() => status, value => status = value);

        Assert.True(lifecycle.CanAbandon);
        Assert.True(lifecycle.CanExpire);
        lifecycle.Expire();
        Assert.Equal(SessionStatus.Expired, status);
    }

    [Fact]
    public void ToDotGraph_ListsEveryState()
    {
        var graph = SessionLifecycle.ToDotGraph();

        Assert.All(Enum.GetNames<SessionStatus>(), name => Assert.Contains(name, graph, StringComparison.Ordinal));
    }

    [Fact]
    public void DocsGraph_MatchesTheMachine() =>
        Assert.Equal(LifecycleDocs.Normalise(SessionLifecycle.ToDotGraph()), LifecycleDocs.Read("sprint-session.dot"));
}
