using Microsoft.AspNetCore.SignalR;
using Passport.Grains.Notifications;

namespace Passport.Web.Notifications;

/// <summary>One hub connection as a feed observer: forwards the count through this host's hub context.</summary>
public sealed class HubNotificationObserver(IHubContext<NotificationsHub> hub, string connectionId) : INotificationObserver
{
    public Task OnUnreadChanged(int unread) => hub.Clients.Client(connectionId).SendAsync(NotificationsHub.UnreadChangedEvent, unread);
}
