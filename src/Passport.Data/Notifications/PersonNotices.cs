using System.Data.Common;
using Passport.Data.Email;

namespace Passport.Data.Notifications;

/// <summary>
/// One thing a person is told about a change, ready for both channels: the in-app <paramref name="Notification"/>
/// and the <paramref name="Email"/> (none for messages that only go to the app). Which of them is stored depends on
/// the channels the person chose, read in the change's own transaction.
/// </summary>
public sealed record PersonNotice(NewNotification Notification, OutgoingEmail? Email);

/// <summary>Writes <see cref="PersonNotice"/>s inside the transaction of the change that causes them.</summary>
public static class PersonNotices
{
    /// <summary>
    /// Stores each notice on the channels its person has on: the notification if in-app is on, the e-mail if e-mail is
    /// on. Both writers keep one row per id, so a retried change tells nobody twice.
    /// </summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, IEnumerable<PersonNotice> notices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        foreach (var notice in notices)
        {
            var channels = await Notifications.ChannelsAsync(connection, transaction, notice.Notification.PersonId, cancellationToken);
            if (channels.InApp)
            {
                await Notifications.AddAsync(connection, transaction, notice.Notification, cancellationToken);
            }

            if (channels.Email && notice.Email is not null)
            {
                await Outbox.EnqueueAsync(connection, transaction, notice.Email, cancellationToken);
            }
        }
    }
}
