namespace Passport.Web.Sprints;

/// <summary>
/// A graceful hand-off when this host stops: as soon as stopping begins, the sprint hub takes no new connections or
/// calls and every player connected here is told to reconnect (to another host) and resume
/// (<see cref="SprintConnections.LeaveAsync"/>). The sessions themselves need no flushing: each write is stored
/// before it is acknowledged, and the silo deactivates its grains as it stops, so another silo activates a
/// session from its row on the player's next call.
/// </summary>
/// <remarks>
/// SignalR closes every connection when stopping begins, in its own <c>ApplicationStopping</c> callback, registered
/// when the hub is mapped. Callbacks run last registered first; this one is registered when the host starts, after
/// the hub is mapped, so players are told before their connections close.
/// </remarks>
public sealed class SprintHandOff(IHostApplicationLifetime lifetime, SprintConnections connections) : IHostedService
{
    /// <summary>How long stopping waits for the messages to be handed to the connections.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private CancellationTokenRegistration _stopping;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The callback cannot be awaited; stopping waits for it here, as SignalR's own closing does.
        _stopping = lifetime.ApplicationStopping.Register(() => connections.LeaveAsync(Patience).GetAwaiter().GetResult());
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await _stopping.DisposeAsync();
}
