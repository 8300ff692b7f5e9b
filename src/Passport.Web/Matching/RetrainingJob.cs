using Microsoft.Extensions.Options;
using Passport.Matching;
using Passport.Matching.Training;

namespace Passport.Web.Matching;

/// <summary>
/// Retrains the ranker from recorded outcomes every <see cref="MatchingOptions.RetrainEvery"/> (off when zero). On
/// several hosts each runs it; the promotion rule makes a second run on the same outcomes a harmless rejection.
/// </summary>
public sealed partial class RetrainingJob(RankerStore rankers, IOptions<MatchingOptions> options, TimeProvider time, ILogger<RetrainingJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = options.Value.RetrainEvery;
        if (every <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await rankers.RetrainAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
            {
                // One failed run must not stop the job; the next tick tries again with whatever was recorded by then.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retraining the ranker failed; trying again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
