using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Runtime;
using Passport.Web.Hosting;
using StackExchange.Redis;

namespace Passport.Web.Cluster;

/// <summary>What this silo finds in its cluster's membership table.</summary>
public enum MembershipState
{
    /// <summary>Listed, and active.</summary>
    Active,

    /// <summary>This silo has not joined yet, or is leaving; nothing to read.</summary>
    NotJoined,

    /// <summary>The table is gone: Redis lost it (a restart without persistence) or someone deleted it.</summary>
    Lost,

    /// <summary>Redis does not answer, or answers something unreadable.</summary>
    Unreadable,

    /// <summary>The table exists but does not list this silo: another host started a new cluster in a new table.</summary>
    NotListed,

    /// <summary>Listed, in another state than active (for example declared dead by the others).</summary>
    NotActive,
}

public sealed record MembershipReport(MembershipState State, string Description)
{
    public bool IsHealthy => State == MembershipState.Active;
}

/// <summary>
/// Reads this silo's own row in the Redis membership table (used only with Redis clustering). The silo itself keeps
/// running on the members it knew when the table goes, so without this nobody would notice until a host restarts
/// and starts a second cluster. A change for the worse is logged once as an error that names the recovery.
/// </summary>
public sealed partial class MembershipWatch(
    IMembershipTable table,
    ILocalSiloDetails silo,
    ISiloStatusOracle oracle,
    IOptions<OrleansHostOptions> options,
    ILogger<MembershipWatch> logger)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private MembershipState _last = MembershipState.NotJoined;

    public async Task<MembershipReport> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await ReadAsync(cancellationToken);
        Report(report);
        return report;
    }

    private async Task<MembershipReport> ReadAsync(CancellationToken cancellationToken)
    {
        // Before the silo is active (and after it stops) the table is not open, and readiness says so already.
        if (oracle.CurrentStatus != SiloStatus.Active)
        {
            return new(MembershipState.NotJoined, $"Silo {silo.SiloAddress} is {oracle.CurrentStatus}.");
        }

        MembershipTableData data;
        try
        {
            data = await table.ReadAllAsync(cancellationToken).WaitAsync(ReadTimeout, cancellationToken);
        }
        catch (RedisClusteringException ex)
        {
            return new(MembershipState.Lost, $"The membership table of cluster {options.Value.ClusterId} is missing from Redis: {ex.Message}");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new(MembershipState.Unreadable, $"The membership table of cluster {options.Value.ClusterId} cannot be read: {ex.Message}");
        }

        var entry = data.Members.Select(member => member.Item1).FirstOrDefault(member => member.SiloAddress.Equals(silo.SiloAddress));
        return entry switch
        {
            null => new(MembershipState.NotListed,
                $"Silo {silo.SiloAddress} is not in the membership table of cluster {options.Value.ClusterId}, which lists {data.Members.Count} other silo(s)."),
            { Status: not SiloStatus.Active } => new(MembershipState.NotActive,
                $"Silo {silo.SiloAddress} is {entry.Status} in the membership table of cluster {options.Value.ClusterId}."),
            _ => new(MembershipState.Active, $"Silo {silo.SiloAddress} is active in the membership table of cluster {options.Value.ClusterId}."),
        };
    }

    private void Report(MembershipReport report)
    {
        MembershipState previous;
        lock (_gate)
        {
            previous = _last;
            _last = report.State;
        }

        if (previous == report.State)
        {
            return;
        }

        switch (report.State)
        {
            case MembershipState.Lost or MembershipState.NotListed or MembershipState.NotActive:
                LogBroken(logger, report.State, report.Description);
                break;
            case MembershipState.Unreadable:
                LogUnreadable(logger, report.Description);
                break;
            case MembershipState.Active when previous != MembershipState.NotJoined:
                LogRestored(logger, report.Description);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cluster membership broken ({State}): {Description} This host keeps serving with the silos it knew, "
        + "but reports not ready, and no host can join or leave the cluster safely. Recovery: stop every Passport host of this cluster, make sure "
        + "Redis keeps its data (appendonly yes), then start the hosts again; see docs/operations.md, \"Lost membership table\".")]
    private static partial void LogBroken(ILogger logger, MembershipState state, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster membership cannot be checked: {Description} This host reports not ready until Redis answers.")]
    private static partial void LogUnreadable(ILogger logger, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster membership is readable again: {Description}")]
    private static partial void LogRestored(ILogger logger, string description);
}
