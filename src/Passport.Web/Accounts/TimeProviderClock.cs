using Microsoft.Extensions.Internal;

namespace Passport.Web.Accounts;

/// <summary>Lets a <see cref="Microsoft.Extensions.Caching.Memory.MemoryCache"/> expire entries on the host's <see cref="TimeProvider"/>.</summary>
internal sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
