using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Data.Database;
using Passport.Data.Notifications;
using Passport.Domain.Validation;

namespace Passport.Application.Notifications;

/// <summary>
/// A person's own notification centre: their messages newest first, how many are unread, marking them read, and the
/// channels (in the app, by e-mail) on which they want to be told things. Only ever the caller's own data: another
/// person's message is simply not found. Every change is pushed to the person's open pages after it is stored.
/// </summary>
public sealed class MyNotifications(NotificationRepository notifications, INotificationPush push, TimeProvider time)
{
    private const string NotFound = "Notifications.Problem.NotFound";

    /// <summary>One page of the caller's messages, newest first (the page and one more, so the caller knows if more follow).</summary>
    public Task<IReadOnlyList<StoredNotification>> ListAsync(ClaimsPrincipal person, PageRequest page, CancellationToken cancellationToken = default) =>
        notifications.ListAsync(PersonId(person), page, cancellationToken);

    public Task<int> CountUnreadAsync(ClaimsPrincipal person, CancellationToken cancellationToken = default) =>
        notifications.CountUnreadAsync(PersonId(person), cancellationToken);

    /// <summary>Marks one of the caller's messages read; not found for an unknown id and for someone else's alike.</summary>
    public async Task<Outcome<StoredNotification>> MarkReadAsync(ClaimsPrincipal person, Guid id, CancellationToken cancellationToken = default)
    {
        var personId = PersonId(person);
        var read = await notifications.MarkReadAsync(personId, id, time.GetUtcNow(), cancellationToken);
        if (read is null)
        {
            return Outcome.Fail<StoredNotification>(OutcomeStatus.NotFound, NotFound);
        }

        push.Changed(personId);
        return Outcome.Done(read);
    }

    /// <summary>Marks all of the caller's messages read; answers how many were unread.</summary>
    public async Task<Outcome<int>> MarkAllReadAsync(ClaimsPrincipal person, CancellationToken cancellationToken = default)
    {
        var personId = PersonId(person);
        var marked = await notifications.MarkAllReadAsync(personId, time.GetUtcNow(), cancellationToken);
        if (marked > 0)
        {
            push.Changed(personId);
        }

        return Outcome.Done(marked);
    }

    public Task<NotificationChannels> GetChannelsAsync(ClaimsPrincipal person, CancellationToken cancellationToken = default) =>
        notifications.GetChannelsAsync(PersonId(person), cancellationToken);

    /// <summary>
    /// Stores the caller's channels. Both must be said, so a client that forgets one does not switch it off by
    /// accident; both off is allowed (the person then reads what matters on the pages themselves).
    /// </summary>
    public async Task<Outcome<NotificationChannels>> SetChannelsAsync(
        ClaimsPrincipal person, bool? inApp, bool? email, CancellationToken cancellationToken = default)
    {
        var personId = PersonId(person);
        var errors = new ValidationErrors();
        if (inApp is null)
        {
            errors.Add("inApp", "Notifications.InApp.Required");
        }

        if (email is null)
        {
            errors.Add("email", "Notifications.Email.Required");
        }

        if (!errors.IsValid)
        {
            return Outcome.Invalid<NotificationChannels>(errors);
        }

        var channels = new NotificationChannels(inApp!.Value, email!.Value);
        await notifications.SetChannelsAsync(personId, channels, time.GetUtcNow(), cancellationToken);
        return Outcome.Done(channels);
    }

    private static Guid PersonId(ClaimsPrincipal person) =>
        person?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in person has notifications.");
}
