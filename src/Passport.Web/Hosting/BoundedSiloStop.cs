namespace Passport.Web.Hosting;

/// <summary>
/// Wraps the Orleans silo's hosted service so stopping the host ends within <see cref="OrleansHostOptions.ShutdownTimeout"/>.
/// The silo gives up its graceful leave when the host's stop token fires, but then still tries to write its status to
/// the membership table, a minute per attempt; with the table lost that is minutes of a host that neither serves nor
/// exits. Past the timeout the host stops without waiting for it: the other silos declare this one dead by their
/// probes, as after a crash.
/// </summary>
internal sealed partial class BoundedSiloStop(IHostedService silo, ILogger<BoundedSiloStop> logger) : IHostedLifecycleService
{
    // A host that failed before the silo's turn to start (a refused start, see ClusterGuard) has no silo to stop;
    // Orleans refuses to stop a silo that never started.
    private bool _started;

    public Task StartingAsync(CancellationToken cancellationToken) =>
        silo is IHostedLifecycleService lifecycle ? lifecycle.StartingAsync(cancellationToken) : Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = true;
        return silo.StartAsync(cancellationToken);
    }

    public Task StartedAsync(CancellationToken cancellationToken) =>
        silo is IHostedLifecycleService lifecycle ? lifecycle.StartedAsync(cancellationToken) : Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) =>
        _started && silo is IHostedLifecycleService lifecycle ? WithinAsync(lifecycle.StoppingAsync(cancellationToken), cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        _started ? WithinAsync(silo.StopAsync(cancellationToken), cancellationToken) : Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) =>
        _started && silo is IHostedLifecycleService lifecycle ? WithinAsync(lifecycle.StoppedAsync(cancellationToken), cancellationToken) : Task.CompletedTask;

    private async Task WithinAsync(Task stopping, CancellationToken cancellationToken)
    {
        try
        {
            await stopping.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogAbandoned(logger);
            // Still watched, so whatever it ends with is logged rather than lost.
            _ = stopping.ContinueWith(
                (ended, state) => LogEndedLate((ILogger)state!, ended.Exception),
                logger, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The silo did not stop within Orleans:ShutdownTimeout; the host stops without it "
        + "(the other silos will declare this one dead)")]
    private static partial void LogAbandoned(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The silo's abandoned stop ended")]
    private static partial void LogEndedLate(ILogger logger, Exception? exception);
}
