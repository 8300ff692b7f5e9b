using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Passport.Grains.Sprints;

namespace Passport.Web.Sprints;

/// <summary>
/// The observer of each open hub connection on this host. Orleans holds observers weakly, so they live here
/// until the connection closes; each knows the sessions it drives, to pause them when it drops and to name them
/// when this host leaves.
/// </summary>
public sealed partial class SprintConnections(IGrainFactory grains, IHubContext<SprintHub> hub, ILogger<SprintConnections> logger)
{
    private readonly ConcurrentDictionary<string, Connection> _connections = new(StringComparer.Ordinal);
    private volatile bool _leaving;

    /// <summary>This host is shutting down: it takes no new connections or calls (<see cref="LeaveAsync"/>).</summary>
    public bool Leaving => _leaving;

    public ISprintObserver ObserverFor(string connectionId) =>
        _connections.GetOrAdd(connectionId, id =>
        {
            var observer = new HubSprintObserver(hub, id);
            return new Connection(observer, grains.CreateObjectReference<ISprintObserver>(observer));
        }).Reference;

    /// <summary>Remembers that the connection drives the session, so the session pauses when it drops.</summary>
    public void Track(string connectionId, Guid sessionId)
    {
        if (_connections.TryGetValue(connectionId, out var connection))
        {
            connection.Sessions.TryAdd(sessionId, 0);
        }
    }

    /// <summary>Forgets the connection; answers its observer and the sessions it was driving.</summary>
    public (ISprintObserver Observer, IReadOnlyCollection<Guid> Sessions)? Remove(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var connection))
        {
            return null;
        }

        grains.DeleteObjectReference<ISprintObserver>(connection.Reference);
        return (connection.Reference, [.. connection.Sessions.Keys]);
    }

    /// <summary>
    /// Stops taking new connections and calls, and tells every connection on this host to reconnect elsewhere
    /// (<see cref="SprintHub.ServerLeavingEvent"/>, with the sessions it was playing); completes once every message
    /// is handed to its connection or <paramref name="patience"/> runs out.
    /// </summary>
    public async Task LeaveAsync(TimeSpan patience)
    {
        _leaving = true;
        var sends = _connections.Select(pair => TellAsync(pair.Key, [.. pair.Value.Sessions.Keys])).ToList();
        LogLeaving(logger, sends.Count);
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await Task.WhenAll(sends).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            // The host goes on stopping: a client that was not told sees its connection close, which it treats alike.
            LogLeavingSlow(logger, exception, sends.Count(send => !send.IsCompleted));
        }
    }

    /// <summary>Tells one connection to reconnect elsewhere and resume <paramref name="sessions"/>.</summary>
    public async Task TellAsync(string connectionId, IReadOnlyList<Guid> sessions)
    {
        try
        {
            await hub.Clients.Client(connectionId).SendAsync(SprintHub.ServerLeavingEvent, new ServerLeavingMessage(sessions));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogNotTold(logger, exception, connectionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This host is leaving: telling {Count} sprint connection(s) to reconnect elsewhere.")]
    private static partial void LogLeaving(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} sprint connection(s) were not told in time that this host is leaving; they see their connection close.")]
    private static partial void LogLeavingSlow(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sprint connection {ConnectionId} could not be told that this host is leaving; it sees its connection close.")]
    private static partial void LogNotTold(ILogger logger, Exception exception, string connectionId);

    private sealed record Connection(HubSprintObserver Target, ISprintObserver Reference)
    {
        public ConcurrentDictionary<Guid, byte> Sessions { get; } = new();
    }
}
