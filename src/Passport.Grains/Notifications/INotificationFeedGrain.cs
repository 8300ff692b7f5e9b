using Orleans.Concurrency;

namespace Passport.Grains.Notifications;

/// <summary>
/// A person's open pages, on any host: each is told the new unread count when their notifications change. The count
/// is the whole state, so a lost or late push is made good by the next one and order never matters.
/// </summary>
public interface INotificationObserver : IGrainObserver
{
    [OneWay]
    Task OnUnreadChanged(int unread);
}

/// <summary>
/// The live side of one person's notification centre, keyed by the person's id. It keeps no state of its own: the
/// database holds the notifications, and this grain only knows who is watching and tells them the count.
/// Watchers stay subscribed for <see cref="NotificationFeedGrain.ObserverLifetime"/> unless they subscribe again, so
/// a host that died without saying goodbye is forgotten, and hosts renew their watchers well within that time.
/// </summary>
public interface INotificationFeedGrain : IGrainWithGuidKey
{
    /// <summary>Adds (or renews) a watcher; answers the unread count now.</summary>
    Task<int> SubscribeAsync(INotificationObserver observer);

    Task UnsubscribeAsync(INotificationObserver observer);

    /// <summary>The person's notifications changed (a new one, or some read): every watcher is told the new unread count.</summary>
    Task ChangedAsync();
}
