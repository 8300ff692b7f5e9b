namespace Passport.Grains.Sprints;

/// <summary>
/// Whoever shows a session to its player: a hub connection or a live page, on any host. The session grain
/// pushes through it, so events cross silos. The session does not wait for a push (a slow client never holds it
/// up) but hears when one fails, and logs it; the events of one step travel in one message because Orleans does
/// not keep separate messages in order.
/// </summary>
public interface ISprintObserver : IGrainObserver
{
    Task OnSprintEvents(SprintEvents events);
}
