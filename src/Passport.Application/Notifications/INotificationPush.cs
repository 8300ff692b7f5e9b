namespace Passport.Application.Notifications;

/// <summary>
/// Tells a person's open pages that their notifications changed (a new one, or some read), on whichever host they are
/// connected to. Call it after the transaction that wrote the change has committed: the pages then read the new state.
/// It never throws; a page that misses a push still shows the right count on its next load.
/// </summary>
public interface INotificationPush
{
    void Changed(Guid personId);
}
