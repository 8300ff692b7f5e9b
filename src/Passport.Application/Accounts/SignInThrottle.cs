using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Passport.Application.Accounts;

/// <summary>
/// Counts wrong passwords per e-mail address and client address. After <see cref="SignInLockoutOptions.MaxFailedAccessAttempts"/>
/// that pair waits <see cref="SignInLockoutOptions.LockoutDuration"/>. Keyed on the pair so a stranger cannot lock a person out
/// (their own address is unaffected), and on the typed address whether or not it has an account, so the answers do
/// not tell which accounts exist. Kept in this host's memory, like the rate limits (see docs/operations.md).
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly IOptions<SignInLockoutOptions> _options;
    private readonly TimeProvider _time;
    private readonly MemoryCache _cache;

    public SignInThrottle(IOptions<SignInLockoutOptions> options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _cache = new MemoryCache(new MemoryCacheOptions { Clock = new TimeProviderClock(time), SizeLimit = 200_000 });
    }

    /// <summary>How long this pair must still wait, or null when it may try.</summary>
    public TimeSpan? WaitFor(string normalizedEmail, string clientAddress) =>
        _cache.TryGetValue(Key(normalizedEmail, clientAddress), out Counter? counter) ? counter!.Wait(_time.GetUtcNow()) : null;

    /// <summary>Counts a wrong password; returns the wait when this one used up the attempts.</summary>
    public TimeSpan? RecordFailure(string normalizedEmail, string clientAddress)
    {
        var options = _options.Value;
        var counter = _cache.GetOrCreate(Key(normalizedEmail, clientAddress), entry =>
        {
            entry.Size = 1;
            // Failures are forgotten after one lockout's time without another one.
            entry.SlidingExpiration = options.LockoutDuration;
            return new Counter();
        })!;
        return counter.Fail(_time.GetUtcNow(), options.MaxFailedAccessAttempts, options.LockoutDuration);
    }

    public void Reset(string normalizedEmail, string clientAddress) => _cache.Remove(Key(normalizedEmail, clientAddress));

    public void Dispose() => _cache.Dispose();

    private static string Key(string normalizedEmail, string clientAddress) => string.Concat(clientAddress, " ", normalizedEmail);

    private sealed class Counter
    {
        private readonly Lock _lock = new();
        private int _failures;
        private DateTimeOffset _lockedUntil;

        public TimeSpan? Wait(DateTimeOffset now)
        {
            lock (_lock)
            {
                return _lockedUntil > now ? _lockedUntil - now : null;
            }
        }

        public TimeSpan? Fail(DateTimeOffset now, int maxFailures, TimeSpan lockout)
        {
            lock (_lock)
            {
                if (_lockedUntil > now)
                {
                    return _lockedUntil - now;
                }

                if (++_failures < maxFailures)
                {
                    return null;
                }

                _failures = 0;
                _lockedUntil = now + lockout;
                return lockout;
            }
        }
    }
}
