using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Passport.Application.Accounts;

namespace Passport.Web.Notifications;

/// <summary>
/// <c>/hubs/notifications</c>: pushes the signed-in person's unread count (<c>UnreadChanged(count)</c>) to their open
/// pages and apps, at once on connecting and again whenever it changes (docs/api.md). It takes no calls: a
/// connection only ever hears about its own person's notifications, chosen from the sign-in, never from the client.
/// Pages connect with their cookie, apps with a bearer token (<see cref="NotificationsHostingExtensions.HubScheme"/>).
/// </summary>
[Authorize(AuthenticationSchemes = NotificationsHostingExtensions.HubScheme)]
public sealed class NotificationsHub(NotificationConnections connections) : Hub
{
    public const string Path = "/hubs/notifications";
    public const string UnreadChangedEvent = "UnreadChanged";

    public override async Task OnConnectedAsync()
    {
        var personId = Context.User?.GetUserId() ?? throw new HubException("Not signed in.");
        await connections.OpenAsync(Context.ConnectionId, personId, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await connections.CloseAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }
}
