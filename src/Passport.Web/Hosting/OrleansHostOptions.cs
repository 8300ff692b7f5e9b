using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Passport.Web.Hosting;

/// <summary>Configuration section <c>Orleans</c>: how this host's silo joins its cluster.</summary>
public sealed class OrleansHostOptions
{
    public const string SectionName = "Orleans";

    [Required(AllowEmptyStrings = false)]
    public string ClusterId { get; set; } = "passport";

    [Required(AllowEmptyStrings = false)]
    public string ServiceId { get; set; } = "passport";

    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at; defaults to loopback alone, else this machine's address.</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>
    /// The address the silo and gateway ports listen on; defaults to the advertised address, so they are not open on
    /// other interfaces. <c>0.0.0.0</c> listens on all, for a host behind NAT whose advertised address is not its own.
    /// </summary>
    public string? ListenIPAddress { get; set; }

    /// <summary>
    /// How long stopping the host may take: the web server draining, the silo leaving its cluster and handing off its
    /// grains. Past it the silo stops without a goodbye, as if it had crashed; the others notice within their probe
    /// timeouts. It bounds the stop also when the membership table cannot be written.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// With Redis clustering, how often an active host records in the database that it is alive (table
    /// <c>cluster_hosts</c>). A host that has not written for three times this long counts as gone.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a silo waits for another to answer a probe before counting it as missed. A silo missing
    /// <see cref="MissedProbesLimit"/> probes in a row is declared dead and its grains start elsewhere, so these two
    /// bound how long the players of a crashed host wait (about their product). Orleans' default is 5 s; 3 s brings a
    /// crash under 10 s and is still far above a probe's round trip on a loaded host.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    [Range(2, 10)]
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>
    /// Lets this host start a new cluster although the membership table is empty while other hosts of the cluster
    /// were recently alive. Only for recovery, when those hosts are known to be gone; remove it after the start.
    /// </summary>
    public bool AllowNewCluster { get; set; }

    /// <summary>How long after its last heartbeat a host counts as gone.</summary>
    public TimeSpan HeartbeatLifetime => HeartbeatInterval * 3;

    /// <summary>Mutual TLS between silos (<c>Orleans:Tls</c>); off until a certificate is configured.</summary>
    public SiloTlsOptions Tls { get; set; } = new();

    public IPAddress ResolveAdvertisedAddress(bool clustered)
    {
        if (!string.IsNullOrWhiteSpace(AdvertisedIPAddress))
        {
            return IPAddress.Parse(AdvertisedIPAddress);
        }

        if (!clustered)
        {
            return IPAddress.Loopback;
        }

        return Dns.GetHostAddresses(Dns.GetHostName())
            .FirstOrDefault(address => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(address))
            ?? IPAddress.Loopback;
    }
}
