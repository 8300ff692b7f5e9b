using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Passport.Application.Handovers;

/// <summary>
/// The host's hand-over loop: every <c>Handover:PollInterval</c> the hand-overs whose lifetime passed expire, even
/// when nobody looks at them, and everyone involved is told. Every host runs one; each expiry is a version-checked
/// write, so when two hosts race, one stores it (with its notices) and the other finds it moved on.
/// </summary>
public sealed partial class HandoverExpiryLoop(
    HandoverDesk desk, IOptions<HandoverOptions> options, TimeProvider time, ILogger<HandoverExpiryLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var expired = 0;
                try
                {
                    expired = await desk.ExpireDueAsync(stoppingToken);
                }
                catch (DbException exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // The database is away; the hand-overs stay due and the next round expires them.
                    LogRoundFailed(logger, exception);
                }

                if (expired < options.Value.BatchSize)
                {
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a hand-over not yet expired is due for the next host's round.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hand-over expiry round failed; due hand-overs wait for the next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
