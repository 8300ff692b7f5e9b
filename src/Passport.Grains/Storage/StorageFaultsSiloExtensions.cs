using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Passport.Grains.Storage;

public static class StorageFaultsSiloExtensions
{
    /// <summary>
    /// Database exceptions that leave a silo are ones every silo can read: an outage during a call becomes
    /// <see cref="StorageUnavailableException"/>; any other database exception (also one thrown while a grain
    /// activates, which no call filter sees) is carried by Orleans' general exception codec with its message and
    /// inner exception, rather than failing with "could not find a codec".
    /// </summary>
    public static ISiloBuilder AddPassportStorageFaults(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddIncomingGrainCallFilter<StorageFaultFilter>();
        silo.Services.Configure<ExceptionSerializationOptions>(options =>
        {
            var others = options.SupportedExceptionTypeFilter;
            options.SupportedExceptionTypeFilter = type => typeof(DbException).IsAssignableFrom(type) || others?.Invoke(type) == true;
        });
        return silo;
    }
}
