namespace Passport.Application.Notifications;

// FOUNDATION PLACEHOLDER, removed when the notification centre's push lands.
internal sealed class NoNotificationPush : INotificationPush
{
    public void Changed(Guid personId)
    {
    }
}
