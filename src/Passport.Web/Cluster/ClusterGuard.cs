using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Runtime;
using Passport.Data.Cluster;
using Passport.Web.Hosting;

namespace Passport.Web.Cluster;

/// <summary>
/// Keeps a host from forming a second cluster beside a running one (Redis clustering only). The membership table
/// lives in Redis; the database, which every host shares and which outlives a Redis restart, keeps a heartbeat row
/// per active host (<see cref="ClusterHostStore"/>). A host that finds the membership table empty at start while
/// another host's heartbeat is fresh knows the table was lost under a running cluster: it logs a critical error and
/// refuses to start, unless <see cref="OrleansHostOptions.AllowNewCluster"/> is set. While running, it writes its
/// heartbeat and has <see cref="MembershipWatch"/> check the table, every <see cref="OrleansHostOptions.HeartbeatInterval"/>.
/// </summary>
public sealed partial class ClusterGuard(
    IMembershipTable table,
    ClusterHostStore hosts,
    MembershipWatch watch,
    ILocalSiloDetails silo,
    ISiloStatusOracle oracle,
    IOptions<OrleansHostOptions> options,
    TimeProvider time,
    ILogger<ClusterGuard> logger) : IHostedLifecycleService, IDisposable
{
    private static readonly TimeSpan RemovalTimeout = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stopping = new();
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private Task? _loop;

    private string ClusterId => options.Value.ClusterId;

    private string SiloAddress => silo.SiloAddress.ToParsableString();

    /// <summary>Registered after the database is migrated and before the silo, so this runs before the silo opens the table.</summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // Read (and the rows of hosts that died without stopping pruned) at every start, so the table stays small.
        var live = await hosts.LiveSinceAsync(ClusterId, time.GetUtcNow() - options.Value.HeartbeatLifetime, cancellationToken);
        if (live.Count == 0 || await TableExistsAsync(cancellationToken))
        {
            return;
        }

        var others = string.Join(", ", live.Select(host => $"{host.HostName} ({host.SiloAddress}, last seen {host.LastSeenAt:O})"));
        if (options.Value.AllowNewCluster)
        {
            LogStartingAnyway(logger, ClusterId, others);
            return;
        }

        LogRefused(logger, ClusterId, others);
        throw new SecondClusterException(
            $"The membership table of cluster {ClusterId} is empty, but {live.Count} host(s) of it were alive in the last "
            + $"{options.Value.HeartbeatLifetime.TotalSeconds:0} s ({others}); starting would form a second cluster. Stop every host of the "
            + "cluster, then start them again (docs/operations.md, \"Lost membership table\"), or set Orleans:AllowNewCluster=true if those hosts are gone.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _loop = RunAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Leaving: the heartbeat row goes first, so this host no longer counts as a sign of a running cluster.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            // The host did not get as far as starting (this guard may have refused it): no heartbeat to take back.
            return;
        }

        await _stopping.CancelAsync();
        await _loop;
        // Briefly: the row goes stale by itself, and the silo's own stop needs the rest of the shutdown time.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(RemovalTimeout);
        try
        {
            await hosts.RemoveAsync(ClusterId, SiloAddress, patience.Token);
        }
        catch (Exception ex)
        {
            LogHeartbeatFailed(logger, ex, ClusterId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _stopping.Dispose();

    private async Task<bool> TableExistsAsync(CancellationToken cancellationToken)
    {
        // The silo initialises the same table instance again when it starts; creating the table is left to it.
        await table.InitializeMembershipTableAsync(tryInitTableVersion: false, cancellationToken);
        try
        {
            await table.ReadAllAsync(cancellationToken);
            return true;
        }
        catch (RedisClusteringException ex)
        {
            LogTableMissing(logger, ClusterId, ex.Message);
            return false;
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        try
        {
            do
            {
                await BeatAsync(stopping);
                await CheckMembershipAsync(stopping);
            }
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping; StoppingAsync waits for exactly this.
        }
    }

    private async Task BeatAsync(CancellationToken stopping)
    {
        // Only an active member is evidence of a running cluster; a host still joining is not.
        if (oracle.CurrentStatus != SiloStatus.Active)
        {
            return;
        }

        try
        {
            await hosts.BeatAsync(ClusterId, new ClusterHost(SiloAddress, Dns.GetHostName(), _startedAt, time.GetUtcNow()), stopping);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            // A database outage: readiness reports it; the next beat tries again.
            LogHeartbeatFailed(logger, ex, ClusterId);
        }
    }

    private async Task CheckMembershipAsync(CancellationToken stopping)
    {
        try
        {
            await watch.CheckAsync(stopping);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            LogCheckFailed(logger, ex, ClusterId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The membership table of cluster {ClusterId} does not exist yet: {Reason}")]
    private static partial void LogTableMissing(ILogger logger, string clusterId, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refusing to start: the membership table of cluster {ClusterId} is empty while these hosts of it "
        + "are alive: {Hosts}. The table was lost under a running cluster (Redis restarted without persistence?); starting would form a second "
        + "cluster beside theirs. Stop every host of the cluster and start them again (docs/operations.md, \"Lost membership table\"), or set "
        + "Orleans:AllowNewCluster=true for one start if those hosts are known to be gone.")]
    private static partial void LogRefused(ILogger logger, string clusterId, string hosts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting a new cluster {ClusterId} on an empty membership table although these hosts of it were "
        + "alive recently: {Hosts}. Orleans:AllowNewCluster is set; remove it after this start.")]
    private static partial void LogStartingAnyway(ILogger logger, string clusterId, string hosts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record this host's heartbeat for cluster {ClusterId}")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, string clusterId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not check the membership table of cluster {ClusterId}")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string clusterId);
}
