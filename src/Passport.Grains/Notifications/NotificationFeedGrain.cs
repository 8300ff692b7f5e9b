using Microsoft.Extensions.Logging;
using Passport.Data.Notifications;

namespace Passport.Grains.Notifications;

/// <inheritdoc cref="INotificationFeedGrain"/>
public sealed partial class NotificationFeedGrain(NotificationRepository notifications, TimeProvider time, ILogger<NotificationFeedGrain> logger)
    : Grain, INotificationFeedGrain
{
    /// <summary>How long a watcher stays without renewing; hosts renew every <see cref="RenewEvery"/>.</summary>
    public static readonly TimeSpan ObserverLifetime = TimeSpan.FromMinutes(3);

    public static readonly TimeSpan RenewEvery = TimeSpan.FromMinutes(1);

    private readonly Dictionary<INotificationObserver, DateTimeOffset> _observers = [];

    private Guid PersonId => this.GetPrimaryKey();

    public async Task<int> SubscribeAsync(INotificationObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers[observer] = time.GetUtcNow() + ObserverLifetime;
        // Watched feeds stay in memory, so a push does not wait for an activation; an idle one is collected as usual.
        DelayDeactivation(ObserverLifetime);
        return await notifications.CountUnreadAsync(PersonId);
    }

    public Task UnsubscribeAsync(INotificationObserver observer)
    {
        _observers.Remove(observer);
        return Task.CompletedTask;
    }

    public async Task ChangedAsync()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _observers.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
        {
            _observers.Remove(expired);
        }

        if (_observers.Count == 0)
        {
            return;
        }

        var unread = await notifications.CountUnreadAsync(PersonId);
        foreach (var observer in _observers.Keys)
        {
            try
            {
                // One-way: a slow or vanished page never holds up the person's other pages.
                _ = observer.OnUnreadChanged(unread);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogPushFailed(logger, exception, PersonId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push the unread count of person {PersonId} to one of their pages.")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid personId);
}
