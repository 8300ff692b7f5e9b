using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passport.Data.Email;

namespace Passport.Application.Email;

/// <summary>
/// The host's delivery loop: a round of <see cref="EmailDelivery"/> every <c>Email:PollInterval</c>, at once while
/// full batches keep coming, and soon after a message is queued in this process (<see cref="Outbox.Enqueued"/>).
/// That signal comes before the queuing transaction commits, so a few quick rounds follow it. Once an hour it deletes
/// finished messages older than <c>Email:Retention</c> and their <c>.eml</c> files.
/// </summary>
public sealed partial class EmailDeliveryLoop(
    EmailDelivery delivery,
    OutboxStore store,
    PickupFolderSender pickup,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<EmailDeliveryLoop> logger) : BackgroundService
{
    private const int QuickRounds = 5;

    private static readonly TimeSpan QuickInterval = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a round soon; returns at once.</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        Outbox.Enqueued += Wake;
        try
        {
            var quickLeft = 0;
            var nextCleanup = time.GetUtcNow();
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    claimed = await delivery.DeliverDueAsync(stoppingToken);
                    if (time.GetUtcNow() >= nextCleanup)
                    {
                        pickup.Delete(await store.DeleteFinishedAsync(time.GetUtcNow() - settings.Retention, stoppingToken));
                        nextCleanup = time.GetUtcNow() + CleanupInterval;
                    }
                }
                catch (Exception exception) when (exception is DbException or IOException or UnauthorizedAccessException && !stoppingToken.IsCancellationRequested)
                {
                    // The database or the disk is away; messages stay queued and the next round tries again.
                    LogRoundFailed(logger, exception);
                }

                if (claimed >= settings.BatchSize)
                {
                    continue;
                }

                var woken = await WaitAsync(quickLeft > 0 ? QuickInterval : settings.PollInterval, stoppingToken);
                quickLeft = woken ? QuickRounds : Math.Max(0, quickLeft - 1);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a message being sent keeps its lease and is taken up again when it ends.
        }
        finally
        {
            Outbox.Enqueued -= Wake;
        }
    }

    /// <summary>Waits <paramref name="interval"/> or until woken; true when woken.</summary>
    private async Task<bool> WaitAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = _wake.Reader.WaitToReadAsync(done.Token).AsTask();
        var delay = Task.Delay(interval, time, done.Token);
        var first = await Task.WhenAny(woken, delay);
        await done.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
        return first == woken && _wake.Reader.TryRead(out _);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail delivery round failed; queued messages wait for the next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
