using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Passport.Grains.Notifications;

namespace Passport.Web.Notifications;

/// <summary>
/// The notification hub's open connections on this host, each a grain observer of its person's feed. Orleans holds
/// observers weakly, so they live here until the connection closes; the feed forgets watchers that are not renewed,
/// so every connection is renewed each <see cref="NotificationFeedGrain.RenewEvery"/> (which also subscribes it again
/// to a feed that moved to another silo).
/// </summary>
public sealed partial class NotificationConnections(IGrainFactory grains, IHubContext<NotificationsHub> hub, ILogger<NotificationConnections> logger)
{
    private readonly ConcurrentDictionary<string, Connection> _connections = new(StringComparer.Ordinal);

    /// <summary>Subscribes the new connection to its person's feed and sends it the unread count now.</summary>
    public async Task OpenAsync(string connectionId, Guid personId, CancellationToken cancellationToken)
    {
        var observer = new HubNotificationObserver(hub, connectionId);
        var connection = new Connection(personId, grains.CreateObjectReference<INotificationObserver>(observer), observer);
        _connections[connectionId] = connection;
        var unread = await grains.GetGrain<INotificationFeedGrain>(personId).SubscribeAsync(connection.Reference);
        await hub.Clients.Client(connectionId).SendAsync(NotificationsHub.UnreadChangedEvent, unread, cancellationToken);
    }

    public async Task CloseAsync(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var connection))
        {
            return;
        }

        try
        {
            await grains.GetGrain<INotificationFeedGrain>(connection.PersonId).UnsubscribeAsync(connection.Reference);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The feed forgets the watcher by itself once it is not renewed.
            LogNotUnsubscribed(logger, exception, connectionId);
        }
        finally
        {
            grains.DeleteObjectReference<INotificationObserver>(connection.Reference);
        }
    }

    /// <summary>Renews every open connection's subscription.</summary>
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        foreach (var (connectionId, connection) in _connections)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await grains.GetGrain<INotificationFeedGrain>(connection.PersonId).SubscribeAsync(connection.Reference);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException and not OperationCanceledException)
            {
                LogNotRenewed(logger, exception, connectionId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification connection {ConnectionId} could not leave its feed; the feed forgets it shortly.")]
    private static partial void LogNotUnsubscribed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification connection {ConnectionId} could not renew its feed; tried again at the next renewal.")]
    private static partial void LogNotRenewed(ILogger logger, Exception exception, string connectionId);

    // The observer itself is kept too: the reference alone does not keep it alive.
    private sealed record Connection(Guid PersonId, INotificationObserver Reference, HubNotificationObserver Target);
}
