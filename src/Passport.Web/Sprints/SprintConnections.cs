using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Passport.Grains.Sprints;

namespace Passport.Web.Sprints;

/// <summary>
/// The open hub connections on this host, each with its observer. Orleans holds observers weakly, so they live
/// here until the connection closes; each knows the sessions it drives, to pause them when it drops and to name
/// them when this host leaves.
/// </summary>
public sealed partial class SprintConnections(IGrainFactory grains, IHubContext<SprintHub> hub, ILogger<SprintConnections> logger)
{
    private readonly ConcurrentDictionary<string, Connection> _connections = new(StringComparer.Ordinal);
    private volatile bool _leaving;

    /// <summary>This host is shutting down: it takes no new connections or calls (<see cref="LeaveAsync"/>).</summary>
    public bool Leaving => _leaving;

    /// <summary>A new connection: known from the start, so it is told when this host leaves even before it plays.</summary>
    public void Open(string connectionId) => Get(connectionId);

    public ISprintObserver ObserverFor(string connectionId) => Get(connectionId).Reference;

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
        connection.Gone.TrySetResult();
        return (connection.Reference, [.. connection.Sessions.Keys]);
    }

    /// <summary>
    /// Stops taking new connections and calls, and tells every connection on this host to reconnect elsewhere
    /// (<see cref="SprintHub.ServerLeavingEvent"/>, with the sessions it was playing); completes once every client
    /// has closed its connection, as the event asks, or <paramref name="patience"/> runs out.
    /// </summary>
    /// <remarks>
    /// The client closes, not the server: SignalR drops a connection it closes at once, and the event queued for
    /// it may be dropped with it. Connections still open after the wait are closed by SignalR as the host stops.
    /// </remarks>
    public async Task LeaveAsync(TimeSpan patience)
    {
        _leaving = true;
        var open = _connections.ToList();
        LogLeaving(logger, open.Count);
        var closing = open.Select(pair => TellAndWaitAsync(pair.Key, pair.Value)).ToList();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await Task.WhenAll(closing).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            // The host goes on stopping: a client that did not close in time sees its connection close, which it treats alike.
            LogLeavingSlow(logger, exception, closing.Count(task => !task.IsCompleted));
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

    private async Task TellAndWaitAsync(string connectionId, Connection connection)
    {
        await TellAsync(connectionId, [.. connection.Sessions.Keys]);
        await connection.Gone.Task;
    }

    private Connection Get(string connectionId) =>
        _connections.GetOrAdd(connectionId, id =>
        {
            var observer = new HubSprintObserver(hub, id);
            return new Connection(observer, grains.CreateObjectReference<ISprintObserver>(observer));
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "This host is leaving: telling {Count} sprint connection(s) to reconnect elsewhere.")]
    private static partial void LogLeaving(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} sprint client(s) did not reconnect elsewhere in time while this host was leaving; their connections are closed.")]
    private static partial void LogLeavingSlow(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sprint connection {ConnectionId} could not be told that this host is leaving; it sees its connection close.")]
    private static partial void LogNotTold(ILogger logger, Exception exception, string connectionId);

    private sealed record Connection(HubSprintObserver Target, ISprintObserver Reference)
    {
        public ConcurrentDictionary<Guid, byte> Sessions { get; } = new();

        public TaskCompletionSource Gone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
