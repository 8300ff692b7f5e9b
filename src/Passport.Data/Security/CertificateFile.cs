using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Passport.Data.Security;

/// <summary>
/// A certificate with its private key, from files named in configuration: a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>) with
/// its password, or a PEM certificate with a PEM key beside it (<see cref="KeyPath"/>; encrypted when
/// <see cref="Password"/> is given). Paths are relative to the working directory, like the SQLite file.
/// </summary>
public sealed class CertificateFile
{
    /// <summary>The PKCS#12 file, or the PEM certificate.</summary>
    public string? Path { get; set; }

    /// <summary>The PKCS#12 password, or the password of an encrypted PEM key.</summary>
    public string? Password { get; set; }

    /// <summary>The PEM private key when <see cref="Path"/> is a PEM certificate; absent for PKCS#12.</summary>
    public string? KeyPath { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(Path);

    /// <summary>Loads the certificate with its private key; throws <see cref="CertificateFileException"/> naming <paramref name="setting"/>.</summary>
    public X509Certificate2 Load(string setting)
    {
        if (!IsSet)
        {
            throw new CertificateFileException($"{setting}:Path is empty.");
        }

        try
        {
            X509Certificate2 certificate;
            if (string.IsNullOrWhiteSpace(KeyPath))
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(Path!, Password, X509KeyStorageFlags.EphemeralKeySet);
            }
            else
            {
                using var pem = string.IsNullOrEmpty(Password)
                    ? X509Certificate2.CreateFromPemFile(Path!, KeyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(Path!, Password, KeyPath);
                // A PEM key lives only in memory; TLS on some platforms needs it as PKCS#12, so it is handed over as one.
                certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);
            }

            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new CertificateFileException($"{setting}:Path '{Path}' holds no private key.");
            }

            return certificate;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new CertificateFileException($"{setting} cannot be read from '{Path}': {ex.Message}", ex);
        }
    }
}

/// <summary>A configured certificate cannot be used; the message names the setting, for the operator.</summary>
public sealed class CertificateFileException : Exception
{
    public CertificateFileException(string message)
        : base(message)
    {
    }

    public CertificateFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
