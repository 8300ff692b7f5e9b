using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passport.Application.Email;
using Passport.Application.Notifications;
using Passport.Data.Notifications;
using Passport.Data.Reminders;
using Passport.Domain.Accounts;
using Passport.Domain.Appointments;

namespace Passport.Application.Reminders;

/// <summary>
/// One round of reminder delivery: claim the due reminders under a lease, and deliver each in one transaction that
/// writes its in-app message (if the person wants those), its e-mail to the outbox (if they want e-mail) and the Sent
/// mark (see <see cref="ReminderStore.DeliverAsync"/>); the e-mail outbox then sends the e-mail once. A reminder
/// whose delivery throws is tried again after a backoff, and marked Failed after <c>Reminders:MaxAttempts</c>.
/// </summary>
public sealed partial class ReminderDelivery(
    ReminderStore store,
    EmailComposer composer,
    ReminderPlanner planner,
    INotificationPush push,
    IOptions<RemindersOptions> options,
    TimeProvider time,
    ILogger<ReminderDelivery> logger)
{
    /// <summary>The kind of the e-mail and the in-app message.</summary>
    public const string Kind = "appointment-reminder";

    /// <summary>Where a reminder leads: the person's appointments.</summary>
    public const string LinkPath = "/appointments";

    /// <summary>Delivers what is due now; returns how many reminders it claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var claims = await store.ClaimAsync(time.GetUtcNow(), settings.Lease, settings.BatchSize, settings.MaxAttempts, cancellationToken);
        foreach (var claim in claims)
        {
            await DeliverAsync(claim, settings, cancellationToken);
        }

        return claims.Count;
    }

    /// <summary>The wait after failed attempt number <paramref name="attempts"/>: doubling from Reminders:RetryDelay, at most Reminders:MaxRetryDelay.</summary>
    public static TimeSpan Backoff(int attempts, RemindersOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return EmailDelivery.Backoff(attempts, settings.RetryDelay, settings.MaxRetryDelay);
    }

    /// <summary>The in-app message and e-mail of one reminder, in the person's language, by the channels they chose.</summary>
    public ReminderMessages Compose(Guid reminderId, Appointment appointment, ReminderRecipient recipient, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(recipient);
        var language = Languages.IsSupported(recipient.Language) ? recipient.Language : Languages.Default;
        var culture = CultureInfo.GetCultureInfo(language);
        var details = appointment.Details;
        var local = TimeZoneInfo.ConvertTime(details.StartsAt, planner.Zone);
        // Danish and Norwegian write a full stop after the day's number ("8. december").
        var when = local.ToString(language is "da" or "nb" ? "dddd d'.' MMMM, HH:mm" : "dddd d MMMM, HH:mm", culture);
        object?[] values =
        [
            details.Topic,
            when,
            string.Format(culture, Text($"Where.{details.Kind}", culture), details.Location),
            details.Bring is { } bring ? string.Format(culture, Text("Bring", culture), bring) : Text("BringNothing", culture),
            appointment.OrganisationName,
            string.IsNullOrWhiteSpace(appointment.BookedByName) ? appointment.OrganisationName : appointment.BookedByName,
        ];
        var content = composer.Compose(Kind, language, values, LinkPath);
        var (title, body) = EmailComposer.Summary(content.Text);
        var notification = recipient.Channels.InApp
            ? new NewNotification(Data.Notifications.Notifications.IdFor($"reminder:{reminderId}"), recipient.Id, Kind, title, body, LinkPath, now)
            : null;
        // No address that can take mail (an erased or closed account keeps none): the in-app message is all there is.
        var email = recipient.Channels.Email && recipient.Active && recipient.Email.Contains('@', StringComparison.Ordinal)
            ? new Data.Email.OutgoingEmail(reminderId, recipient.Email, language, Kind, content.Subject, content.Text, content.Html, now)
            : null;
        return new ReminderMessages(notification, email);
    }

    private static string Text(string key, CultureInfo culture) => EmailComposer.Phrase($"{Kind}.{key}", culture);

    private async Task DeliverAsync(ReminderClaim claim, RemindersOptions settings, CancellationToken cancellationToken)
    {
        var reminder = claim.Reminder;
        ReminderDelivered delivered;
        try
        {
            var now = time.GetUtcNow();
            delivered = await store.DeliverAsync(claim, now, (appointment, recipient) => Compose(reminder.Id, appointment, recipient, now), cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            // The transaction rolled back: nothing of this reminder was written, so trying again later cannot double it.
            var now = time.GetUtcNow();
            var status = await store.MarkFailedAsync(
                claim, $"{exception.GetType().Name}: {exception.Message}", now, now + Backoff(reminder.Attempts, settings), settings.MaxAttempts,
                CancellationToken.None);
            if (status == ReminderStatus.Failed)
            {
                LogGaveUp(logger, exception, reminder.Id, reminder.Attempts);
            }
            else
            {
                LogRetrying(logger, exception, reminder.Id, reminder.Attempts);
            }

            return;
        }

        switch (delivered)
        {
            case ReminderDelivered.Sent:
                push.Changed(reminder.PersonId);
                LogSent(logger, reminder.Id, reminder.AppointmentId);
                break;
            case ReminderDelivered.TooLate:
                LogTooLate(logger, reminder.Id, reminder.AppointmentId);
                break;
            case ReminderDelivered.LeaseLost:
                LogLeaseLost(logger, reminder.Id);
                break;
            default:
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder {Id} of appointment {AppointmentId} delivered")]
    private static partial void LogSent(ILogger logger, Guid id, Guid appointmentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Id} of appointment {AppointmentId} was not sent: the appointment had started")]
    private static partial void LogTooLate(ILogger logger, Guid id, Guid appointmentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Id} not delivered at attempt {Attempt}; it is tried again later")]
    private static partial void LogRetrying(ILogger logger, Exception exception, Guid id, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder {Id} not delivered at attempt {Attempt}; given up, the contact person sees it as failed")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, Guid id, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder {Id}: the lease ended before delivery; another host has it, nothing was written")]
    private static partial void LogLeaseLost(ILogger logger, Guid id);
}
