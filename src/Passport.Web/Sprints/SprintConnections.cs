using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Passport.Grains.Sprints;

namespace Passport.Web.Sprints;

/// <summary>
/// The observer of each open hub connection on this host. Orleans holds observers weakly, so they live here
/// until the connection closes; each knows the sessions it drives, to pause them when it drops.
/// </summary>
public sealed class SprintConnections(IGrainFactory grains, IHubContext<SprintHub> hub)
{
    private readonly ConcurrentDictionary<string, Connection> _connections = new(StringComparer.Ordinal);

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

    private sealed record Connection(HubSprintObserver Target, ISprintObserver Reference)
    {
        public ConcurrentDictionary<Guid, byte> Sessions { get; } = new();
    }
}
