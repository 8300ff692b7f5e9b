using System.Data.Common;
using Dapper;

namespace Passport.Data.Notifications;

/// <summary>
/// One in-app message for one person, already written in their language. <paramref name="Id"/> is chosen by the writer
/// from what caused the message (see <see cref="Notifications.IdFor"/>), so storing the same cause twice keeps one row;
/// <paramref name="Title"/> is the line a lock screen shows, <paramref name="Body"/> the details and
/// <paramref name="Link"/> a path inside the site.
/// </summary>
public sealed record NewNotification(Guid Id, Guid PersonId, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt);

/// <summary>How a person wants to be told things; with nothing stored, both channels are on.</summary>
public sealed record NotificationChannels(bool InApp, bool Email)
{
    public static readonly NotificationChannels Default = new(true, true);
}

/// <summary>
/// The one way into the notification centre (<c>notifications</c>). Like <see cref="Email.Outbox"/>, a writer calls
/// <see cref="AddAsync"/> inside the transaction of the change that causes the message, so the message exists exactly
/// when the change does; after the commit the writer tells open pages (<c>INotificationPush</c>).
/// </summary>
public static class Notifications
{
    /// <summary>
    /// A stable id for the message about <paramref name="cause"/> (for example <c>"reminder:{id}"</c>): the same cause
    /// always gives the same id, so a retried write stores nothing new.
    /// </summary>
    public static Guid IdFor(string cause)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cause);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("notification:" + cause));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>Stores <paramref name="notification"/> in <paramref name="transaction"/>; storing the same id again does nothing.</summary>
    public static async Task AddAsync(DbConnection connection, DbTransaction transaction, NewNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(notification.Title);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO notifications (id, person_id, kind, title, body, link, created_at, read_at)
            VALUES (@Id, @PersonId, @Kind, @Title, @Body, @Link, @CreatedAt, NULL)
            ON CONFLICT (id) DO NOTHING
            """,
            notification, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The channels the person chose, read inside <paramref name="transaction"/> (which may be null).</summary>
    public static async Task<NotificationChannels> ChannelsAsync(
        DbConnection connection, DbTransaction? transaction, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var row = await connection.QuerySingleOrDefaultAsync<ChannelRow>(new CommandDefinition(
            "SELECT in_app AS InApp, email AS Email FROM notification_channels WHERE person_id = @personId",
            new { personId }, transaction, cancellationToken: cancellationToken));
        return row is null ? NotificationChannels.Default : new NotificationChannels(row.InApp, row.Email);
    }

    private sealed class ChannelRow
    {
        public bool InApp { get; set; }

        public bool Email { get; set; }
    }
}
