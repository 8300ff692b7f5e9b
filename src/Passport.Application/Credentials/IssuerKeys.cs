using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passport.Data.Credentials;

namespace Passport.Application.Credentials;

/// <summary>
/// The issuer's signing keys from <see cref="CredentialsOptions.KeyDirectory"/>. The directory is listed again before
/// every use (cheap) and the keys reread when its files changed, so a rotation by another host or by the CLI is
/// picked up at once; nothing is cached for longer than that. Creates the first key at start when there is none.
/// </summary>
public sealed class IssuerKeys(IOptions<CredentialsOptions> options, TimeProvider time, ILogger<IssuerKeys> logger) : IHostedLifecycleService
{
    private readonly IssuerKeyDirectory _directory = new(options.Value.KeyDirectory);
    private readonly Lock _gate = new();
    private string? _fingerprint;
    private IReadOnlyList<IssuerKey> _keys = [];

    public string DirectoryPath => _directory.Path;

    /// <summary>Every key, newest first: the first signs, all verify.</summary>
    public IReadOnlyList<IssuerKey> All
    {
        get
        {
            lock (_gate)
            {
                var fingerprint = _directory.Fingerprint();
                if (fingerprint != _fingerprint || _keys.Count == 0)
                {
                    _keys = _directory.EnsureKey(time.GetUtcNow());
                    // Listed after a first key may have been written, so the next call does not read again.
                    _fingerprint = _directory.Fingerprint();
                }

                return _keys;
            }
        }
    }

    public IssuerKey Signing => All[0];

    public IssuerKey? Find(string? kid) => kid is null ? null : All.FirstOrDefault(key => key.Kid == kid);

    /// <summary>A new signing key; the old ones stay published so what they signed still verifies.</summary>
    public IssuerKey Rotate()
    {
        lock (_gate)
        {
            var key = _directory.Create(time.GetUtcNow());
            _fingerprint = null;
            logger.LogInformation("Issuer key rotated: {Kid} signs from now on", key.Kid);
            return key;
        }
    }

    /// <summary>
    /// Reads (or creates) the keys in the host's starting phase, before the silo and the web server start, so an
    /// unreadable key file stops the host with one line naming it.
    /// </summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            logger.LogInformation("Issuer keys in {Directory}: {Count}, signing with {Kid}", _directory.Path, All.Count, Signing.Kid);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Reported like other configuration problems: one line naming the directory (see StartupFailure).
            throw new InvalidDataException($"Issuer key directory {_directory.Path} cannot be used: {ex.Message}", ex);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
