using System.Collections.Concurrent;

namespace Passport.Faults.Tests;

/// <summary>What went wrong for the players, counted by what they were doing and why, for the failure messages.</summary>
internal sealed class FaultLog
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Count(string what, Exception exception) =>
        _counts.AddOrUpdate($"{what}: {exception.GetType().Name}: {FirstLine(exception.Message)}", 1, (_, count) => count + 1);

    public override string ToString() =>
        _counts.IsEmpty ? "(nothing)" : string.Join(Environment.NewLine, _counts.OrderByDescending(pair => pair.Value).Take(15).Select(pair => $"{pair.Value,6} x {pair.Key}"));

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? message : message[..end];
        return line.Length > 160 ? line[..160] : line;
    }
}
