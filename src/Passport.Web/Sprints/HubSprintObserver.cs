using Microsoft.AspNetCore.SignalR;
using Passport.Grains.Sprints;

namespace Passport.Web.Sprints;

/// <summary>
/// One hub connection as a grain observer: a session grain on any silo pushes to it, and it forwards to the
/// connection through this host's <see cref="IHubContext{THub}"/>, in the order the player must see them.
/// </summary>
public sealed class HubSprintObserver(IHubContext<SprintHub> hub, string connectionId) : ISprintObserver
{
    public async Task OnSprintEvents(SprintEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var client = hub.Clients.Client(connectionId);
        if (events.Scored is { } scored)
        {
            await client.SendAsync(SprintHub.AnswerScoredEvent, AnswerScoredMessage.From(scored));
        }

        if (events.Presented is { } presented)
        {
            await client.SendAsync(SprintHub.ItemPresentedEvent, ItemPresentedMessage.From(presented));
        }

        if (events.Completed is { } completed)
        {
            await client.SendAsync(SprintHub.SprintCompletedEvent, SprintCompletedMessage.From(completed));
        }
    }
}
