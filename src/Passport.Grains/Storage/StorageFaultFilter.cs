using Microsoft.Extensions.Logging;
using Passport.Data.Database;

namespace Passport.Grains.Storage;

/// <summary>
/// Every grain call: a database outage leaves the grain as <see cref="StorageUnavailableException"/>, which any
/// silo can read, instead of the provider's exception, which failed to serialize on its way to another silo. The
/// original is logged here, where its details are still at hand.
/// </summary>
internal sealed partial class StorageFaultFilter(ILogger<StorageFaultFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (StorageFaults.IsUnavailable(ex))
        {
            LogUnavailable(logger, ex, context.InterfaceName, context.MethodName);
            throw new StorageUnavailableException($"The database cannot be reached now ({context.InterfaceName}.{context.MethodName}).");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database did not answer during {Interface}.{Method}; the caller is told to try again later")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string @interface, string method);
}
