using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Passport.Web.Hosting;

/// <summary>
/// Configuration section <c>Proxy</c>: the reverse proxies or load balancers in front of the hosts. Only requests
/// arriving from one of them have their <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> believed, so rate limits
/// and the sign-in lockout key on the real client and cookies are <c>Secure</c> when the client used HTTPS. With
/// neither list set, forwarded headers are ignored.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string SectionName = "Proxy";

    /// <summary>Single proxy addresses, e.g. <c>10.0.0.5</c>; as a list, or one value separated by commas.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/8</c>; as a list, or one value separated by commas.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<IPAddress> ProxyAddresses() => KnownProxies.Select(IPAddress.Parse);

    public IEnumerable<IPNetwork> ProxyNetworks() => KnownNetworks.Select(network => IPNetwork.Parse(network));

    /// <summary>Adds the entries of a setting given as one comma-separated value, which the list binding skips.</summary>
    public static IEnumerable<string> Split(string? value) =>
        value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(proxy => !IPAddress.TryParse(proxy, out _)))
        {
            yield return new ValidationResult($"Proxy:KnownProxies '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(network => !IPNetwork.TryParse(network, out _)))
        {
            yield return new ValidationResult($"Proxy:KnownNetworks '{network}' is not a network in CIDR notation such as 10.0.0.0/8.", [nameof(KnownNetworks)]);
        }
    }
}
