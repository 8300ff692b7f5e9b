using Orleans.Concurrency;

namespace Passport.Grains.Sprints;

/// <summary>
/// Whoever shows a session to its player: a hub connection or a live page, on any host. The session grain
/// pushes through it, so events cross silos. One-way, so a slow client never holds up the session; the events
/// of one step travel in one message because Orleans does not keep separate messages in order.
/// </summary>
public interface ISprintObserver : IGrainObserver
{
    [OneWay]
    Task OnSprintEvents(SprintEvents events);
}
