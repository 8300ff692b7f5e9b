using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Passport.Testing;
using Passport.Web.Hosting;

namespace Passport.Web.Tests.Hosting;

/// <summary>Which certificates a silo accepts from another silo over mutual TLS.</summary>
public sealed class SiloTlsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public void Accepts_SharedCertificate_OnlyThatCertificate()
    {
        using var own = TestCertificates.Create("CN=silo");
        using var same = X509CertificateLoader.LoadCertificate(own.RawData);
        using var other = TestCertificates.Create("CN=silo");

        Assert.True(SiloTls.Accepts(same, own, null, Now));
        Assert.False(SiloTls.Accepts(other, own, null, Now));
    }

    [Fact]
    public void Accepts_SharedCertificate_NotOnceExpired()
    {
        using var own = TestCertificates.Create("CN=silo");

        Assert.False(SiloTls.Accepts(own, own, null, Now.AddYears(2)));
    }

    [Fact]
    public void Accepts_WithAuthority_CertificatesItIssuedAndNoOthers()
    {
        using var authority = Authority("CN=passport-silo-ca");
        using var stranger = Authority("CN=someone-else-ca");
        using var own = Issued(authority, "CN=silo-1");
        using var sibling = Issued(authority, "CN=silo-2");
        using var outsider = Issued(stranger, "CN=silo-2");
        using var selfSigned = TestCertificates.Create("CN=silo-2");
        using var trusted = X509CertificateLoader.LoadCertificate(authority.RawData);

        Assert.True(SiloTls.Accepts(sibling, own, trusted, Now));
        Assert.False(SiloTls.Accepts(outsider, own, trusted, Now));
        Assert.False(SiloTls.Accepts(selfSigned, own, trusted, Now));
    }

    private static X509Certificate2 Authority(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        return request.CreateSelfSigned(Now.AddDays(-1), Now.AddYears(2));
    }

    private static X509Certificate2 Issued(X509Certificate2 authority, string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.Create(authority, Now.AddDays(-1), Now.AddYears(1), RandomNumberGenerator.GetBytes(8));
        return certificate.CopyWithPrivateKey(key);
    }
}
