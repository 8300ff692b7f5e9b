using System.Threading.Channels;
using Passport.Grains.Sprints;

namespace Passport.Grains.Tests.Sprints;

/// <summary>A player's screen for tests: every push lands in a channel the test reads in order.</summary>
public sealed class RecordingObserver : ISprintObserver
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly Channel<object> _events = Channel.CreateUnbounded<object>();
    private ISprintObserver? _reference;

    /// <summary>The one grain reference of this observer, as a hub connection keeps one.</summary>
    public ISprintObserver Reference(IGrainFactory grains) => _reference ??= grains.CreateObjectReference<ISprintObserver>(this);

    public async Task OnSprintEvents(SprintEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var value in new object?[] { events.Scored, events.Presented, events.Completed })
        {
            if (value is not null)
            {
                await _events.Writer.WriteAsync(value);
            }
        }
    }

    /// <summary>The next push, which must be a <typeparamref name="T"/>; fails the test if none comes in time.</summary>
    public async Task<T> NextAsync<T>()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var next = await _events.Reader.ReadAsync(timeout.Token);
        return Assert.IsType<T>(next);
    }
}
