using Passport.Application.Notifications;
using Passport.Grains.Notifications;

namespace Passport.Web.Notifications;

/// <summary>
/// Tells the person's feed grain, which tells their open pages on every host. Fire and forget, so a change that was
/// stored never fails or waits because a page could not be told; a failed push is logged, and the page shows the
/// right count on its next load.
/// </summary>
public sealed partial class GrainNotificationPush(IGrainFactory grains, ILogger<GrainNotificationPush> logger) : INotificationPush
{
    public void Changed(Guid personId) => _ = PushAsync(personId);

    private async Task PushAsync(Guid personId)
    {
        try
        {
            await grains.GetGrain<INotificationFeedGrain>(personId).ChangedAsync();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogPushFailed(logger, exception, personId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the open pages of person {PersonId} that their notifications changed.")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid personId);
}
