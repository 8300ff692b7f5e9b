using System.Collections.Concurrent;

namespace Passport.Load;

/// <summary>Errors of one step, counted by message (hub refusals) or by kind (transport failures).</summary>
public sealed class ErrorCounter
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public long Total => _counts.Values.Sum();

    public void Count(string what) => _counts.AddOrUpdate(what, 1, (_, count) => count + 1);

    public void Count(string where, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception is Microsoft.AspNetCore.SignalR.HubException
            ? exception.Message
            : $"{exception.GetType().Name}: {exception.Message}";
        // Server messages can carry ids; the first line is enough to group them.
        Count($"{where}: {message.Split('\n')[0].Trim()}");
    }

    public IReadOnlyList<KeyValuePair<string, long>> Top(int count) =>
        [.. _counts.OrderByDescending(pair => pair.Value).Take(count)];
}
