using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Passport.Testing;

/// <summary>
/// Self-signed certificates made by the test that needs them, so no private key is ever checked in: written as
/// files the way an operator would hand them to a host (PKCS#12 with a password, or PEM certificate and key).
/// </summary>
public static class TestCertificates
{
    public const string Password = "test-certificate-password";

    /// <summary>An RSA certificate usable for both ends of TLS and for encrypting the key ring.</summary>
    public static X509Certificate2 Create(string subject = "CN=passport-test")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    /// <summary>Writes <paramref name="certificate"/> with its key as a PKCS#12 file protected by <see cref="Password"/>.</summary>
    public static string WritePfx(X509Certificate2 certificate, string folder, string name = "certificate.pfx")
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    /// <summary>Writes <paramref name="certificate"/> as PEM, and its unencrypted key as PEM beside it.</summary>
    public static (string CertificatePath, string KeyPath) WritePem(X509Certificate2 certificate, string folder, string name = "certificate")
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var certificatePath = Path.Combine(folder, $"{name}.crt");
        var keyPath = Path.Combine(folder, $"{name}.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        using var key = certificate.GetRSAPrivateKey()!;
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }
}
