using System.Diagnostics;

namespace Passport.Load;

/// <summary>
/// Every latency of a measurement window, kept exactly (a few hundred thousand longs at most) and sorted once at
/// the end, so the percentiles are the sample's own, not a histogram's approximation.
/// </summary>
public sealed class LatencyRecorder
{
    private readonly Lock _gate = new();
    private readonly List<long> _ticks = new(capacity: 1 << 16);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ticks.Count;
            }
        }
    }

    /// <summary>Records the time since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void RecordSince(long startTimestamp, long endTimestamp)
    {
        var elapsed = endTimestamp - startTimestamp;
        lock (_gate)
        {
            _ticks.Add(elapsed);
        }
    }

    public LatencySummary Summarize()
    {
        long[] sorted;
        lock (_gate)
        {
            sorted = [.. _ticks];
        }

        Array.Sort(sorted);
        return new LatencySummary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99),
            sorted.Length == 0 ? double.NaN : Milliseconds(sorted[^1]));
    }

    /// <summary>Nearest-rank percentile, in milliseconds.</summary>
    private static double Percentile(long[] sorted, double percentile)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return Milliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}

public sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max);
