namespace Passport.Faults.Tests;

/// <summary>
/// The faults an operator meets, on a real cluster under play: a killed host, a database outage, a Redis restart
/// followed by a rolling restart, and a host asked to stop. In each: no acknowledged answer lost or counted twice,
/// no 500, and every player playing again within the bound once the fault ends.
/// </summary>
[Trait("Category", "Faults")]
public sealed class ClusterFaultTests(FaultCluster cluster, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<FaultCluster>, IAsyncLifetime
{
    private const int Players = 100;

    /// <summary>The longest any player may wait for the server once a fault has ended.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);

    public Task InitializeAsync() => cluster.MakeWholeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Cluster_HostKilled_EveryPlayerPlaysAgainWithinBound()
    {
        await using var team = await Team.PlayAsync(cluster, Players);
        await using var probe = new RequestProbe(cluster.Hosts, team.Tokens[0]);
        await PlayingAsync(team);

        var fault = TimeProvider.System.GetUtcNow();
        await cluster.Script.KillAsync("host-2");
        await team.EveryonePlayingAfterAsync(fault, Settle);
        await team.StopAsync();

        await AssertHeldAsync(team, probe, fault);
    }

    [Fact]
    public async Task Cluster_DatabaseDownFor20Seconds_AnswersNo500AndEverySessionContinues()
    {
        await using var team = await Team.PlayAsync(cluster, Players);
        await using var probe = new RequestProbe(cluster.Hosts, team.Tokens[0]);
        await PlayingAsync(team);

        await cluster.Script.StopAsync("postgres");
        // The outage itself: the fault lasts this long by design.
        await Task.Delay(TimeSpan.FromSeconds(20));
        await cluster.Script.StartAsync("postgres");
        var recovered = TimeProvider.System.GetUtcNow();
        await team.EveryonePlayingAfterAsync(recovered, Settle);
        await team.StopAsync();

        await AssertHeldAsync(team, probe, recovered);
    }

    [Fact]
    public async Task Cluster_RedisRestartedThenRollingRestart_KeepsOneMembership()
    {
        await using var team = await Team.PlayAsync(cluster, Players);
        await using var probe = new RequestProbe(cluster.Hosts, team.Tokens[0]);
        await PlayingAsync(team);
        var before = await cluster.ClusterSeenByAsync(0);

        await cluster.Script.StopAsync("redis");
        await cluster.Script.StartAsync("redis");
        for (var host = 0; host < FaultCluster.HostCount; host++)
        {
            var seen = await cluster.ClusterSeenByAsync(host);
            Assert.Equal(200, seen.Status);
            Assert.Equal(before.Silos, seen.Silos);
        }

        var lastRestart = TimeProvider.System.GetUtcNow();
        for (var host = 1; host <= FaultCluster.HostCount; host++)
        {
            await cluster.Script.StopAsync($"host-{host}");
            await cluster.Script.StartAsync($"host-{host}");
            lastRestart = TimeProvider.System.GetUtcNow();
        }

        // One cluster: every host sees the same three active silos.
        var views = new List<(int Status, IReadOnlyList<string> Silos)>();
        for (var host = 0; host < FaultCluster.HostCount; host++)
        {
            views.Add(await Passport.Testing.Eventually.HoldsAsync(
                () => cluster.ClusterSeenByAsync(host), view => view.Status == 200 && view.Silos.Count == FaultCluster.HostCount,
                Settle, $"host {host + 1} seeing {FaultCluster.HostCount} active silos"));
        }

        Assert.All(views, view => Assert.Equal(views[0].Silos, view.Silos));
        await team.EveryonePlayingAfterAsync(lastRestart, Settle);
        await team.StopAsync();

        await AssertHeldAsync(team, probe, lastRestart);
    }

    [Fact]
    public async Task Cluster_HostStopped_EndsWithinBoundAndItsPlayersMoveWithin5Seconds()
    {
        await using var team = await Team.PlayAsync(cluster, Players);
        await using var probe = new RequestProbe(cluster.Hosts, team.Tokens[0]);
        await PlayingAsync(team);
        var onHost3 = team.Players.Select((player, index) => (player, index)).Where(entry => entry.player.Host == 2).Select(entry => entry.index).ToList();
        Assert.NotEmpty(onHost3);

        var fault = TimeProvider.System.GetUtcNow();
        await cluster.Script.StopAsync("host-3");
        var stopped = TimeProvider.System.GetUtcNow();
        await team.EveryonePlayingAfterAsync(stopped, Settle);
        await team.StopAsync();

        output.WriteLine($"host-3 stopped in {(stopped - fault).TotalSeconds:F1} s; its players' longest wait: {team.LongestWaitAfter(fault, onHost3).Wait.TotalSeconds:F1} s");
        Assert.True(stopped - fault <= FaultCluster.ShutdownTimeout + TimeSpan.FromSeconds(5),
            $"host-3 took {(stopped - fault).TotalSeconds:F1} s to stop (bound: Orleans:ShutdownTimeout, {FaultCluster.ShutdownTimeout.TotalSeconds} s)");
        var (wait, player) = team.LongestWaitAfter(fault, onHost3);
        Assert.True(wait <= TimeSpan.FromSeconds(5), $"player {player} of the stopped host waited {wait.TotalSeconds:F1} s; players' errors:\n{team.Log}");
        await AssertHeldAsync(team, probe, fault);
    }

    [Fact]
    public async Task Cluster_MembershipTableLost_ReadinessSaysSoAndNoSecondClusterForms()
    {
        await cluster.Script.WipeRedisAsync();

        for (var host = 0; host < FaultCluster.HostCount; host++)
        {
            await Passport.Testing.Eventually.HoldsAsync(() => cluster.ReadinessOfAsync(host), status => status == 503, Settle, $"host {host + 1} not ready");
            Assert.Equal(503, (await cluster.ClusterSeenByAsync(host)).Status);
        }

        // A host restarted as the repair must not form a cluster of its own beside the two still running.
        await cluster.Script.StopAsync("host-3");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.Script.StartAsync("host-3"));
        Assert.Contains("second cluster", refused.Message, StringComparison.Ordinal);

        // The documented recovery: stop every host, then start them all.
        await Task.WhenAll(cluster.Script.StopAsync("host-1"), cluster.Script.StopAsync("host-2"));
        await cluster.MakeWholeAsync();
        for (var host = 0; host < FaultCluster.HostCount; host++)
        {
            Assert.Equal(200, await cluster.ReadinessOfAsync(host));
            var seen = await Passport.Testing.Eventually.HoldsAsync(
                () => cluster.ClusterSeenByAsync(host), view => view.Status == 200 && view.Silos.Count == FaultCluster.HostCount,
                Settle, $"host {host + 1} seeing {FaultCluster.HostCount} active silos");
            Assert.Equal(FaultCluster.HostCount, seen.Silos.Count);
        }
    }

    /// <summary>Waits until the team has answers acknowledged on every host, so the fault strikes mid-play.</summary>
    private static Task<int> PlayingAsync(Team team) =>
        Passport.Testing.Eventually.HoldsAsync(() => Task.FromResult(team.Acknowledged.Count), count => count >= Players, Settle, $"{Players} answers acknowledged");

    private async Task AssertHeldAsync(Team team, RequestProbe probe, DateTimeOffset faultEnded)
    {
        var (wait, player) = team.LongestWaitAfter(faultEnded);
        // The figures docs/operations.md quotes.
        output.WriteLine($"answers acknowledged: {team.Acknowledged.Count}; longest wait after the fault: {wait.TotalSeconds:F1} s (player {player})");
        output.WriteLine($"requests: {probe}");
        output.WriteLine($"players' errors:{Environment.NewLine}{team.Log}");
        foreach (var error in probe.ServerErrors)
        {
            output.WriteLine(error);
        }

        Assert.True(wait <= RecoveryBound, $"player {player} waited {wait.TotalSeconds:F1} s after the fault; players' errors:\n{team.Log}");
        Assert.Empty(probe.ServerErrors);
        Assert.Empty(await Ledger.LostAsync(cluster, team));
        Assert.Empty(await Ledger.CountedWronglyAsync(cluster, team));
    }
}
