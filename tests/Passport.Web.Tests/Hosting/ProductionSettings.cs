using Passport.Testing;

namespace Passport.Web.Tests.Hosting;

/// <summary>
/// What a host outside Development refuses to start without: allowed hosts, an https issuer and a key-ring
/// certificate (made here, into <paramref name="folder"/>), so a test changes only the setting it is about.
/// </summary>
public static class ProductionSettings
{
    public const string KeyRingFile = "key-ring.pfx";

    public static Dictionary<string, string> In(string folder, string allowedHosts = "127.0.0.1")
    {
        using var certificate = TestCertificates.Create();
        return new(StringComparer.Ordinal)
        {
            ["AllowedHosts"] = allowedHosts,
            ["Credentials:IssuerUrl"] = "https://passport.test/",
            ["DataProtection:Certificate:Path"] = TestCertificates.WritePfx(certificate, folder, KeyRingFile),
            ["DataProtection:Certificate:Password"] = TestCertificates.Password,
        };
    }
}
