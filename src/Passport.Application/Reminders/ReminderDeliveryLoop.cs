using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Passport.Application.Reminders;

/// <summary>
/// The host's reminder loop: a round of <see cref="ReminderDelivery"/> every <c>Reminders:PollInterval</c> (at once
/// while full batches keep coming). Every host runs one; the lease in the database keeps them from delivering a
/// reminder twice, and a reminder whose host died is taken by another when its lease ends.
/// </summary>
public sealed partial class ReminderDeliveryLoop(
    ReminderDelivery delivery, IOptions<RemindersOptions> options, TimeProvider time, ILogger<ReminderDeliveryLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    claimed = await delivery.DeliverDueAsync(stoppingToken);
                }
                catch (DbException exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database is away; reminders stay pending and the next round tries again.
                    LogRoundFailed(logger, exception);
                }

                if (claimed < settings.BatchSize)
                {
                    await Task.Delay(settings.PollInterval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a reminder being delivered rolls back and is taken up again when its lease ends.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminder round failed; due reminders wait for the next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
