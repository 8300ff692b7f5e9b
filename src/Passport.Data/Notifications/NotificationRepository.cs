using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Notifications;

/// <summary>One message in a person's notification centre, as stored.</summary>
public sealed record StoredNotification(
    Guid Id, Guid PersonId, string Kind, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>The channels a person chose, and when.</summary>
public sealed record ChosenChannels(NotificationChannels Channels, DateTimeOffset ChangedAt);

/// <summary>
/// The owner's side of the notification centre: reading their messages, marking them read and choosing channels.
/// Messages are only ever written by <see cref="Notifications.AddAsync"/>, inside the change that causes them.
/// Every query is keyed by the person, so one person's id never reaches another's rows.
/// </summary>
public sealed class NotificationRepository(PassportDatabase database)
{
    private const string SelectNotification = """
        SELECT id AS Id, person_id AS PersonId, kind AS Kind, title AS Title, body AS Body, link AS Link,
               created_at AS CreatedAt, read_at AS ReadAt
        FROM notifications
        """;

    /// <summary>One page of the person's messages, newest first (the page and one more row, see <see cref="PageRequest.Limit"/>).</summary>
    public async Task<IReadOnlyList<StoredNotification>> ListAsync(Guid personId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<NotificationRow>(new CommandDefinition(
            $"{SelectNotification} WHERE person_id = @personId ORDER BY created_at DESC, id DESC {page.Sql}",
            new { personId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToNotification())];
    }

    /// <summary>Every message of the person, newest first: for their export, where nothing may be left out.</summary>
    public async Task<IReadOnlyList<StoredNotification>> ListAllAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<NotificationRow>(new CommandDefinition(
            $"{SelectNotification} WHERE person_id = @personId ORDER BY created_at DESC, id DESC",
            new { personId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToNotification())];
    }

    public async Task<int> CountUnreadAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM notifications WHERE person_id = @personId AND read_at IS NULL",
            new { personId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Marks one of the person's messages read (a message read before keeps its first time); null when the id is
    /// unknown or someone else's, so the answer is the same for both.
    /// </summary>
    public async Task<StoredNotification?> MarkReadAsync(Guid personId, Guid id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notifications SET read_at = @now WHERE id = @id AND person_id = @personId AND read_at IS NULL",
            new { id, personId, now }, transaction, cancellationToken: cancellationToken));
        var row = await connection.QuerySingleOrDefaultAsync<NotificationRow>(new CommandDefinition(
            $"{SelectNotification} WHERE id = @id AND person_id = @personId", new { id, personId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return row?.ToNotification();
    }

    /// <summary>Marks every unread message of the person read; answers how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE notifications SET read_at = @now WHERE person_id = @personId AND read_at IS NULL",
            new { personId, now }, cancellationToken: cancellationToken));
    }

    /// <summary>The channels the person chose; both on while they never chose.</summary>
    public async Task<NotificationChannels> GetChannelsAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await Notifications.ChannelsAsync(connection, null, personId, cancellationToken);
    }

    /// <summary>Stores the person's choice of channels, replacing the one before.</summary>
    public async Task SetChannelsAsync(Guid personId, NotificationChannels channels, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channels);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO notification_channels (person_id, in_app, email, changed_at) VALUES (@personId, @inApp, @email, @now)
            ON CONFLICT (person_id) DO UPDATE SET in_app = excluded.in_app, email = excluded.email, changed_at = excluded.changed_at
            """,
            new { personId, inApp = channels.InApp, email = channels.Email, now }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The person's stored choice with when they made it; null while they never chose (both channels on).</summary>
    public async Task<ChosenChannels?> FindChosenChannelsAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ChosenRow>(new CommandDefinition(
            "SELECT in_app AS InApp, email AS Email, changed_at AS ChangedAt FROM notification_channels WHERE person_id = @personId",
            new { personId }, cancellationToken: cancellationToken));
        return row is null ? null : new ChosenChannels(new NotificationChannels(row.InApp, row.Email), row.ChangedAt);
    }

    private sealed class ChosenRow
    {
        public bool InApp { get; set; }

        public bool Email { get; set; }

        public DateTimeOffset ChangedAt { get; set; }
    }

    private sealed class NotificationRow
    {
        public Guid Id { get; set; }

        public Guid PersonId { get; set; }

        public string Kind { get; set; } = "";

        public string Title { get; set; } = "";

        public string Body { get; set; } = "";

        public string? Link { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset? ReadAt { get; set; }

        public StoredNotification ToNotification() => new(Id, PersonId, Kind, Title, Body, Link, CreatedAt, ReadAt);
    }
}
