using Microsoft.Extensions.Internal;

namespace Passport.Application;

/// <summary>Lets a <see cref="Microsoft.Extensions.Caching.Memory.MemoryCache"/> expire entries on the host's <see cref="TimeProvider"/>.</summary>
public sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
