using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passport.Data.Email;

namespace Passport.Application.Email;

/// <summary>
/// One round of delivery: claim the due messages (under a lease, see <see cref="OutboxStore"/>), hand each to the
/// sender, and mark it sent, or record the error and the next attempt with exponential backoff, or give up after
/// <c>Email:MaxAttempts</c> (a refusal for good gives up at once). docs/email.md tells why a message is sent once.
/// </summary>
public sealed partial class EmailDelivery(
    OutboxStore store, IEmailSender sender, IOptions<EmailOptions> options, TimeProvider time, ILogger<EmailDelivery> logger)
{
    /// <summary>Delivers what is due now; returns how many messages it claimed.</summary>
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

    /// <summary>The wait after failed attempt number <paramref name="attempts"/>: doubling from Email:RetryDelay, at most Email:MaxRetryDelay.</summary>
    public static TimeSpan Backoff(int attempts, EmailOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Backoff(attempts, settings.RetryDelay, settings.MaxRetryDelay);
    }

    /// <summary>The wait after failed attempt number <paramref name="attempts"/>: <paramref name="first"/>, doubling, at most <paramref name="most"/>.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan first, TimeSpan most)
    {
        var delay = first * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return delay < most ? delay : most;
    }

    /// <summary>What an Admin reads as the last error: the server's reply code first when there was one.</summary>
    private static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException smtp => $"SMTP {(int)smtp.StatusCode}: {smtp.Message}",
        EmailRefusedException refused => refused.Message,
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    private async Task DeliverAsync(OutboxClaim claim, EmailOptions settings, CancellationToken cancellationToken)
    {
        var message = claim.Message;
        try
        {
            // Half the lease, so the lease still holds when the send gives up and no other host has sent it meanwhile.
            using var timeout = new CancellationTokenSource(settings.Lease / 2, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            await sender.SendAsync(message, linked.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            // Stopping hosts rethrow instead: the lease ends and the message gets its next attempt elsewhere.
            var final = exception is EmailRefusedException;
            var error = Describe(exception);
            var status = await store.MarkFailedAsync(
                claim, error, time.GetUtcNow() + Backoff(message.Attempts, settings), final ? message.Attempts : settings.MaxAttempts, CancellationToken.None);
            if (status == OutboxStatus.Failed)
            {
                LogGaveUp(logger, exception, message.Id, message.Kind, message.Attempts);
            }
            else
            {
                LogRetrying(logger, exception, message.Id, message.Kind, message.Attempts);
            }

            return;
        }

        // Sent: the mark must be written even if the host is stopping now, or the message goes again after the lease.
        if (await store.MarkSentAsync(claim, time.GetUtcNow(), CancellationToken.None))
        {
            LogSent(logger, message.Id, message.Kind, message.Attempts);
        }
        else
        {
            LogLeaseLost(logger, message.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {Id} ({Kind}) sent at attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, Guid id, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {Id} ({Kind}) not sent at attempt {Attempt}; it is tried again later")]
    private static partial void LogRetrying(ILogger logger, Exception exception, Guid id, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail {Id} ({Kind}) not sent at attempt {Attempt}; given up, see the Admin e-mail page")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, Guid id, string kind, int attempt);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "E-mail {Id} was sent after its lease ended; another sender may send it again with the same Message-ID")]
    private static partial void LogLeaseLost(ILogger logger, Guid id);
}
