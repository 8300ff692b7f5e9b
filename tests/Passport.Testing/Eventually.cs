namespace Passport.Testing;

/// <summary>
/// Waits for a condition that other processes make true in their own time (a silo joining a cluster through
/// Redis). It checks the condition itself, not the clock: it returns as soon as it holds, and fails with the
/// last observation when the deadline passes.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<T> HoldsAsync<T>(Func<Task<T>> observe, Func<T, bool> condition, TimeSpan timeout, string description)
    {
        ArgumentNullException.ThrowIfNull(observe);
        ArgumentNullException.ThrowIfNull(condition);
        using var deadline = new CancellationTokenSource(timeout);
        T last;
        while (true)
        {
            last = await observe();
            if (condition(last))
            {
                return last;
            }

            try
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{description} did not hold within {timeout.TotalSeconds:0} s; last observed: {last}");
            }
        }
    }
}
