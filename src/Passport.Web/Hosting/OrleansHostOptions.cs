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
