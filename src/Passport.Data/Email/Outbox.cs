using System.Data.Common;
using Dapper;

namespace Passport.Data.Email;

/// <summary>
/// The one way into the e-mail outbox (<c>outgoing_emails</c>). A repository calls
/// <see cref="EnqueueAsync"/> inside its own transaction, with the change that causes the e-mail, so the message is
/// stored exactly when that change is; the host's delivery loop sends it afterwards (docs/email.md).
/// </summary>
public static class Outbox
{
    /// <summary>
    /// Raised after a message was written, so a delivery loop in this process looks for work at once instead of at its
    /// next poll. The caller's transaction may not have committed yet; the loop allows for that.
    /// </summary>
    public static event Action? Enqueued;

    /// <summary>
    /// Stores <paramref name="email"/> as Pending in <paramref name="transaction"/>. Storing the same id again does
    /// nothing, so a retried request cannot queue a message twice.
    /// </summary>
    public static async Task EnqueueAsync(DbConnection connection, DbTransaction transaction, OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(email.To);
        ArgumentException.ThrowIfNullOrWhiteSpace(email.Kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(email.Subject);
        // created_at is the database's clock: the signature carries no clock, and the time only orders the Admin list.
        var now = connection is Npgsql.NpgsqlConnection ? "now()" : "strftime('%Y-%m-%d %H:%M:%f+00:00', 'now')";
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO outgoing_emails (id, recipient, language, kind, subject, text_body, html_body, created_at, due_at, status, attempts, next_attempt_at)
            VALUES (@Id, @To, @Language, @Kind, @Subject, @Text, @Html, {now}, @DueAt, '{OutboxStatus.Pending}', 0, @DueAt)
            ON CONFLICT (id) DO NOTHING
            """,
            email, transaction, cancellationToken: cancellationToken));
        Enqueued?.Invoke();
    }
}
