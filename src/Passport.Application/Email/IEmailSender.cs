using Passport.Data.Email;

namespace Passport.Application.Email;

/// <summary>Hands one outbox message over: to the mail server, or to the pickup folder when there is none.</summary>
public interface IEmailSender
{
    /// <summary>Returns when the message is handed over; throws when it is not.</summary>
    /// <exception cref="EmailRefusedException">The mail server refused the message for good (a 5xx reply).</exception>
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>The mail server refused a message for good: trying again will not help.</summary>
public sealed class EmailRefusedException(string message, Exception inner) : Exception(message, inner);
