using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Cluster;

/// <summary>One host's last sign of life as an active member of its cluster.</summary>
public sealed record ClusterHost(string SiloAddress, string HostName, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt);

/// <summary>
/// The table <c>cluster_hosts</c>: which hosts of a cluster were active members lately. It outlives the membership
/// table in Redis, so a host can tell an empty membership table of a new cluster from one lost under running hosts.
/// </summary>
public sealed class ClusterHostStore(PassportDatabase database)
{
    public async Task BeatAsync(string clusterId, ClusterHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO cluster_hosts (cluster_id, silo_address, host_name, started_at, last_seen_at)
            VALUES (@clusterId, @SiloAddress, @HostName, @StartedAt, @LastSeenAt)
            ON CONFLICT (cluster_id, silo_address) DO UPDATE SET last_seen_at = excluded.last_seen_at
            """,
            new { clusterId, host.SiloAddress, host.HostName, host.StartedAt, host.LastSeenAt },
            cancellationToken: cancellationToken));
    }

    /// <summary>Hosts of the cluster seen at or after <paramref name="since"/>; the rows of hosts not seen since are deleted.</summary>
    public async Task<IReadOnlyList<ClusterHost>> LiveSinceAsync(string clusterId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ClusterHost>(new CommandDefinition(
            """
            SELECT silo_address AS SiloAddress, host_name AS HostName, started_at AS StartedAt, last_seen_at AS LastSeenAt
            FROM cluster_hosts WHERE cluster_id = @clusterId
            """,
            new { clusterId }, cancellationToken: cancellationToken))).ToList();
        // Compared here, not in SQL: SQLite keeps the times as text. Each process start is a new silo address, so the
        // rows of hosts that died without stopping would pile up if nobody removed them.
        foreach (var dead in rows.Where(row => row.LastSeenAt < since))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM cluster_hosts WHERE cluster_id = @clusterId AND silo_address = @SiloAddress",
                new { clusterId, dead.SiloAddress }, cancellationToken: cancellationToken));
        }

        return [.. rows.Where(row => row.LastSeenAt >= since).OrderBy(row => row.SiloAddress, StringComparer.Ordinal)];
    }

    /// <summary>The host stops: it is no longer a sign of a running cluster. Rows of hosts that died go stale instead.</summary>
    public async Task RemoveAsync(string clusterId, string siloAddress, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM cluster_hosts WHERE cluster_id = @clusterId AND silo_address = @siloAddress",
            new { clusterId, siloAddress }, cancellationToken: cancellationToken));
    }
}
