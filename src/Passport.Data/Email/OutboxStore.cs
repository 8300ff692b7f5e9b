using System.Data.Common;
using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Email;

/// <summary>An outbox message as stored, with where its delivery stands.</summary>
public sealed record OutboxMessage
{
    public Guid Id { get; init; }

    public string Recipient { get; init; } = "";

    public string Language { get; init; } = "";

    public string Kind { get; init; } = "";

    public string Subject { get; init; } = "";

    public string Text { get; init; } = "";

    public string Html { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset DueAt { get; init; }

    /// <summary>One of <see cref="OutboxStatus"/>.</summary>
    public string Status { get; init; } = "";

    /// <summary>Attempts begun, counting one that is under way and ones a stopped host never finished.</summary>
    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset? SentAt { get; init; }
}

/// <summary>A message one delivery loop holds until <paramref name="LeaseToken"/>'s lease ends.</summary>
public sealed record OutboxClaim(Guid LeaseToken, OutboxMessage Message);

/// <summary>
/// The delivery side of <c>outgoing_emails</c>. A loop claims due messages under a lease (a fresh token, and the row's
/// next attempt moved to the lease's end), sends them, and marks each sent or failed with that token. Claims are
/// atomic, so two loops (on one host or several) never hold the same row; a loop that dies leaves rows that another
/// takes when the lease ends. Marks carry the token, so a loop whose lease ran out cannot overwrite the next holder's.
/// </summary>
public sealed class OutboxStore(PassportDatabase database)
{
    /// <summary>The longest last error kept; a server's full reply can be long.</summary>
    public const int MaxErrorLength = 1000;

    private const string Columns = """
        id AS Id, recipient AS Recipient, language AS Language, kind AS Kind, subject AS Subject, text_body AS Text,
        html_body AS Html, created_at AS CreatedAt, due_at AS DueAt, status AS Status, attempts AS Attempts,
        next_attempt_at AS NextAttemptAt, last_attempt_at AS LastAttemptAt, last_error AS LastError, sent_at AS SentAt
        """;

    private static readonly LeasedTable Leased = new(
        "outgoing_emails", Columns, ", last_error = 'The sender stopped before it finished, at every attempt.'", ", last_attempt_at = @now");

    /// <summary>
    /// Takes up to <paramref name="batchSize"/> due Pending messages for <paramref name="lease"/> from
    /// <paramref name="now"/>, each counting as an attempt. A due message whose attempts are used up (its earlier
    /// holders stopped mid-send) is marked Failed instead.
    /// </summary>
    public async Task<IReadOnlyList<OutboxClaim>> ClaimAsync(
        DateTimeOffset now, TimeSpan lease, int batchSize, int maxAttempts, CancellationToken cancellationToken)
    {
        var (token, claimed) = await LeasedWork.ClaimAsync<OutboxMessage>(database, Leased, now, lease, batchSize, maxAttempts, cancellationToken);
        return [.. claimed.OrderBy(message => message.NextAttemptAt).ThenBy(message => message.Id).Select(message => new OutboxClaim(token, message))];
    }

    /// <summary>The mail server took the message. False when the lease had ended and another loop holds the row now.</summary>
    public async Task<bool> MarkSentAsync(OutboxClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE outgoing_emails SET status = '{OutboxStatus.Sent}', sent_at = @now, lease_token = NULL
            WHERE id = @Id AND lease_token = @LeaseToken
            """,
            new { claim.Message.Id, claim.LeaseToken, now }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// The attempt failed with <paramref name="error"/>: the message waits until <paramref name="retryAt"/>, or is
    /// marked Failed when it has had <paramref name="maxAttempts"/>. Returns the status it got, or null when the lease
    /// had ended.
    /// </summary>
    public async Task<string?> MarkFailedAsync(
        OutboxClaim claim, string error, DateTimeOffset retryAt, int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(error);
        var status = claim.Message.Attempts >= maxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE outgoing_emails SET status = @status, next_attempt_at = @retryAt, lease_token = NULL, last_error = @error
            WHERE id = @Id AND lease_token = @LeaseToken
            """,
            new { claim.Message.Id, claim.LeaseToken, status, retryAt, error = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error },
            cancellationToken: cancellationToken));
        return updated == 1 ? status : null;
    }

    /// <summary>Queues one message on its own, for a message that no other change causes (an Admin's test message).</summary>
    public async Task EnqueueAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Outbox.EnqueueAsync(connection, transaction, email, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<OutboxMessage?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<OutboxMessage>(new CommandDefinition(
            $"SELECT {Columns} FROM outgoing_emails WHERE id = @id", new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Messages newest first, one page (with one row more, see <see cref="PageRequest"/>).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxMessage>(new CommandDefinition(
            $"SELECT {Columns} FROM outgoing_emails ORDER BY created_at DESC, id DESC {page.Sql}", cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Every message to <paramref name="address"/> (any case), oldest first: part of that person's data.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListToAsync(string address, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxMessage>(new CommandDefinition(
            $"SELECT {Columns} FROM outgoing_emails WHERE LOWER(recipient) = LOWER(@address) ORDER BY created_at, id",
            new { address }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Deletes every message to <paramref name="address"/>, sent or not (the person's account is erased); returns their ids.</summary>
    public async Task<IReadOnlyList<Guid>> DeleteToAsync(string address, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            "DELETE FROM outgoing_emails WHERE LOWER(recipient) = LOWER(@address) RETURNING id",
            new { address }, cancellationToken: cancellationToken));
        return [.. ids];
    }

    /// <summary>Deletes Sent and Failed messages due before <paramref name="before"/>; returns their ids.</summary>
    public async Task<IReadOnlyList<Guid>> DeleteFinishedAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var condition = $"status IN ('{OutboxStatus.Sent}', '{OutboxStatus.Failed}') AND due_at < @before";
        var ids = (await connection.QueryAsync<Guid>(new CommandDefinition(
            $"SELECT id FROM outgoing_emails WHERE {condition}", new { before }, transaction, cancellationToken: cancellationToken))).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM outgoing_emails WHERE {condition}", new { before }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return ids;
    }
}
