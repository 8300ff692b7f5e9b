using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Passport.Load;

/// <summary>Where a step stands: only calls started while <see cref="Measuring"/> count towards its figures.</summary>
public enum StepPhase
{
    Ramp,
    Warmup,
    Measure,
    Drain,
}

/// <summary>What the players of one step share: the phase, the latencies, the errors and the think time.</summary>
public sealed class StepRun(TimeSpan think, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _randomGate = new();
    private int _phase;
    private int _inFlight;

    public LatencyRecorder Latencies { get; } = new();
    public ErrorCounter Errors { get; } = new();

    public StepPhase Phase
    {
        get => (StepPhase)Volatile.Read(ref _phase);
        set => Volatile.Write(ref _phase, (int)value);
    }

    public bool Measuring => Phase == StepPhase.Measure;
    public bool Stopping => Phase == StepPhase.Drain;

    /// <summary>Measured calls still waiting for their answer.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public void Started() => Interlocked.Increment(ref _inFlight);
    public void Finished() => Interlocked.Decrement(ref _inFlight);

    /// <summary>A think time, uniform in 0.5x..1.5x the mean.</summary>
    public TimeSpan NextThink(TimeSpan? cap = null)
    {
        double factor;
        lock (_randomGate)
        {
            factor = 0.5 + _random.NextDouble();
        }

        var delay = think * factor;
        return cap is { } limit && delay > limit ? limit : delay;
    }

    public int NextInt(int maxExclusive)
    {
        lock (_randomGate)
        {
            return _random.Next(maxExclusive);
        }
    }

    public int NextInt(int minInclusive, int maxExclusive)
    {
        lock (_randomGate)
        {
            return _random.Next(minInclusive, maxExclusive);
        }
    }

    /// <summary>A valid answer to <paramref name="item"/> (<see cref="ItemAnswers"/>), drawn from this run's seeded random.</summary>
    public object Answer(System.Text.Json.JsonElement item)
    {
        lock (_randomGate)
        {
            return ItemAnswers.For(item, _random);
        }
    }

    /// <summary>Waits until the measured calls in flight are answered, or the time is up; returns those left.</summary>
    public async Task<int> DrainAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (InFlight > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        return InFlight;
    }
}

/// <summary>Every answer the server acknowledged (<c>AnswerScored</c>) during the whole run.</summary>
public sealed class AcknowledgedAnswers
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    public int Count => _keys.Count;

    public void Add(Guid sessionId, string itemId) => _keys.TryAdd(Key(sessionId, itemId), 0);

    public IEnumerable<string> Keys => _keys.Keys;

    public static string Key(Guid sessionId, string itemId) =>
        string.Create(CultureInfo.InvariantCulture, $"{sessionId:D}|{itemId}");
}
