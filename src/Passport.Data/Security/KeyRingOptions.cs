using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Passport.Data.Security;

/// <summary>
/// Configuration section <c>DataProtection</c>: the certificate that encrypts the Data Protection key ring (the keys of
/// cookies and antiforgery tokens) before it is stored in the database, and earlier ones kept to read keys they encrypted.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>Encrypts new keys and decrypts them; an RSA certificate. Required outside Development.</summary>
    public CertificateFile Certificate { get; set; } = new();

    /// <summary>Certificates of earlier rotations: they only decrypt the keys encrypted with them.</summary>
    public List<CertificateFile> PreviousCertificates { get; set; } = [];

    /// <summary>
    /// The configured certificates, current first; empty when none is configured or one cannot be loaded, which
    /// <see cref="KeyRingOptionsValidator"/> reports at start before any key is read or written.
    /// </summary>
    public IReadOnlyList<X509Certificate2> TryLoad()
    {
        var loaded = new List<X509Certificate2>();
        try
        {
            foreach (var (file, setting) in Configured())
            {
                loaded.Add(file.Load(setting));
            }

            return loaded;
        }
        catch (CertificateFileException)
        {
            foreach (var certificate in loaded)
            {
                certificate.Dispose();
            }

            return [];
        }
    }

    internal IEnumerable<(CertificateFile File, string Setting)> Configured()
    {
        if (Certificate.IsSet)
        {
            yield return (Certificate, $"{SectionName}:Certificate");
        }

        for (var i = 0; i < PreviousCertificates.Count; i++)
        {
            yield return (PreviousCertificates[i], $"{SectionName}:PreviousCertificates:{i}");
        }
    }
}

/// <summary>Outside Development the key ring must be encrypted; every configured certificate must load and hold an RSA key.</summary>
public sealed class KeyRingOptionsValidator(IHostEnvironment environment) : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Certificate.IsSet && !environment.IsDevelopment())
        {
            return ValidateOptionsResult.Fail(
                $"{KeyRingOptions.SectionName}:Certificate:Path is required outside Development: it encrypts the cookie and antiforgery keys stored in the database (see docs/operations.md).");
        }

        if (!options.Certificate.IsSet && options.PreviousCertificates.Count > 0)
        {
            return ValidateOptionsResult.Fail($"{KeyRingOptions.SectionName}:PreviousCertificates needs {KeyRingOptions.SectionName}:Certificate beside it.");
        }

        var failures = new List<string>();
        foreach (var (file, setting) in options.Configured())
        {
            try
            {
                using var certificate = file.Load(setting);
                using var rsa = certificate.GetRSAPrivateKey();
                if (rsa is null)
                {
                    failures.Add($"{setting} must be an RSA certificate: the key ring is encrypted with XML encryption, which needs RSA.");
                }
            }
            catch (CertificateFileException ex)
            {
                failures.Add(ex.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
