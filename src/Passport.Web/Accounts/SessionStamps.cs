using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Passport.Application;
using Passport.Data.Accounts;
using Passport.Data.Database;

namespace Passport.Web.Accounts;

/// <summary>
/// Decides on every request whether a page cookie or an API token still belongs to its account as it is now: both
/// carry a fingerprint of the account's security stamp, and signing out, changing the password, erasure and
/// deactivation change the stamp. The current stamp is read from the database and trusted for
/// <see cref="AuthOptions.SessionCheckInterval"/>; a change made on this host forgets it at once, so only other hosts
/// wait, and never longer than that interval. While the database cannot be reached, a stamp read within
/// <see cref="AuthOptions.SessionOutageGrace"/> is still trusted; an older one (or none) lets the outage through,
/// which the request answers with 503.
/// </summary>
public sealed partial class SessionStamps : IAccountSessions, IDisposable
{
    private readonly UserStore _users;
    private readonly IOptions<AuthOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SessionStamps> _logger;
    private readonly MemoryCache _cache;

    // Bumped by every Forget, so a read that raced a change does not put the old stamp back.
    private long _generation;

    public SessionStamps(UserStore users, IOptions<AuthOptions> options, TimeProvider time, ILogger<SessionStamps> logger)
    {
        _users = users;
        _options = options;
        _time = time;
        _logger = logger;
        _cache = new MemoryCache(new MemoryCacheOptions { Clock = new TimeProviderClock(time), SizeLimit = 200_000 });
    }

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        if (principal?.GetUserId() is not { } userId || principal.FindFirstValue(PassportClaims.Stamp) is not { } claimed)
        {
            return false;
        }

        var current = await CurrentFingerprintAsync(userId, cancellationToken);
        return current is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(current), Encoding.UTF8.GetBytes(claimed));
    }

    /// <summary>Called after the account's stamp changed or the account went, so this host stops trusting what it kept.</summary>
    public void Forget(Guid userId)
    {
        Interlocked.Increment(ref _generation);
        _cache.Remove(userId);
    }

    private async Task<string?> CurrentFingerprintAsync(Guid userId, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var now = _time.GetUtcNow();
        _cache.TryGetValue(userId, out Entry? kept);
        if (kept is not null && now - kept.ReadAt < options.SessionCheckInterval)
        {
            return kept.Fingerprint;
        }

        var generation = Interlocked.Read(ref _generation);
        string? stamp;
        try
        {
            stamp = await _users.FindSecurityStampAsync(userId, cancellationToken);
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex) && kept is not null && now - kept.ReadAt <= options.SessionOutageGrace)
        {
            LogKeptDuringOutage(_logger, ex, userId, now - kept.ReadAt);
            return kept.Fingerprint;
        }

        var entry = new Entry(stamp is null ? null : PassportClaims.Fingerprint(stamp), now);
        // Kept for as long as either use of it lasts: trusted outright, or trusted while the database is away.
        var keepFor = options.SessionCheckInterval > options.SessionOutageGrace ? options.SessionCheckInterval : options.SessionOutageGrace;
        if (keepFor > TimeSpan.Zero && Interlocked.Read(ref _generation) == generation)
        {
            _cache.Set(userId, entry, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = keepFor, Size = 1 });
        }

        return entry.Fingerprint;
    }

    public void Dispose() => _cache.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database cannot be reached; the session of account {UserId} is checked against its stamp read {Age} ago")]
    private static partial void LogKeptDuringOutage(ILogger logger, Exception exception, Guid userId, TimeSpan age);

    /// <summary>Null fingerprint when the account does not exist (erased).</summary>
    private sealed record Entry(string? Fingerprint, DateTimeOffset ReadAt);
}
