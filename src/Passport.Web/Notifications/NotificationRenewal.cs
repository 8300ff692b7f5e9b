using Passport.Grains.Notifications;

namespace Passport.Web.Notifications;

/// <summary>Renews the hub's feed subscriptions on this host every <see cref="NotificationFeedGrain.RenewEvery"/>.</summary>
public sealed class NotificationRenewal(NotificationConnections connections, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(NotificationFeedGrain.RenewEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await connections.RenewAsync(stoppingToken);
        }
    }
}
