using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Orleans.Connections.Security;
using Passport.Data.Security;

namespace Passport.Web.Hosting;

/// <summary>
/// Configuration section <c>Orleans:Tls</c>: mutual TLS for silo-to-silo (and gateway) traffic. Off until a
/// certificate is configured; then every connection is encrypted and both ends must show an accepted certificate.
/// </summary>
public sealed class SiloTlsOptions
{
    /// <summary>This silo's certificate with its private key; the same file on every host unless an authority is set.</summary>
    public CertificateFile Certificate { get; set; } = new();

    /// <summary>
    /// A CA certificate (PEM or DER). When set, a remote silo is accepted when its certificate chains to it, so each
    /// host may have a certificate of its own; when absent, only a silo showing this silo's own certificate is.
    /// </summary>
    public string? CertificateAuthorityPath { get; set; }

    public bool Enabled => Certificate.IsSet;
}

/// <summary>Builds Orleans' TLS settings from <see cref="SiloTlsOptions"/> and decides which remote silos are ours.</summary>
public static class SiloTls
{
    public const string Setting = $"{OrleansHostOptions.SectionName}:Tls";

    public static TlsOptions Create(SiloTlsOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var certificate = options.Certificate.Load($"{Setting}:Certificate");
        var authority = LoadAuthority(options);
        return new TlsOptions
        {
            LocalCertificate = certificate,
            // Both directions: a silo proves itself to the silo it calls, and the called silo to it.
            RemoteCertificateMode = RemoteCertificateMode.RequireCertificate,
            ClientCertificateMode = RemoteCertificateMode.RequireCertificate,
            RemoteCertificateValidation = (remote, _, _) => Accepts(remote, certificate, authority, time.GetUtcNow()),
        };
    }

    /// <summary>
    /// Whether <paramref name="remote"/> belongs to this deployment: within its validity, and either chaining to
    /// <paramref name="authority"/> or, without one, the very certificate this silo has. Host names are not checked:
    /// silos reach each other by IP address.
    /// </summary>
    public static bool Accepts(X509Certificate2 remote, X509Certificate2 own, X509Certificate2? authority, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(own);
        if (now.UtcDateTime < remote.NotBefore.ToUniversalTime() || now.UtcDateTime > remote.NotAfter.ToUniversalTime())
        {
            return false;
        }

        if (authority is null)
        {
            return remote.RawDataMemory.Span.SequenceEqual(own.RawDataMemory.Span);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        return chain.Build(remote);
    }

    internal static X509Certificate2? LoadAuthority(SiloTlsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificateAuthorityPath))
        {
            return null;
        }

        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(options.CertificateAuthorityPath);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new CertificateFileException($"{Setting}:CertificateAuthorityPath cannot be read from '{options.CertificateAuthorityPath}': {ex.Message}", ex);
        }
    }
}

/// <summary>Checks at start that the configured TLS certificate (and authority) can be read, and that it is still valid.</summary>
public sealed class SiloTlsValidator(TimeProvider time) : IValidateOptions<OrleansHostOptions>
{
    public ValidateOptionsResult Validate(string? name, OrleansHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tls = options.Tls;
        if (!tls.Enabled)
        {
            return string.IsNullOrWhiteSpace(tls.CertificateAuthorityPath)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{SiloTls.Setting}:CertificateAuthorityPath needs {SiloTls.Setting}:Certificate beside it.");
        }

        try
        {
            using var certificate = tls.Certificate.Load($"{SiloTls.Setting}:Certificate");
            using var authority = SiloTls.LoadAuthority(tls);
            if (!SiloTls.Accepts(certificate, certificate, authority, time.GetUtcNow()))
            {
                return ValidateOptionsResult.Fail(authority is null
                    ? $"{SiloTls.Setting}:Certificate is not valid now (valid {certificate.NotBefore:u} to {certificate.NotAfter:u})."
                    : $"{SiloTls.Setting}:Certificate is not valid now or not issued by {SiloTls.Setting}:CertificateAuthorityPath.");
            }
        }
        catch (CertificateFileException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }

        return ValidateOptionsResult.Success;
    }
}
