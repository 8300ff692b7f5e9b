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
