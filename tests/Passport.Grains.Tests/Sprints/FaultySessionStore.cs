using System.Collections.Concurrent;
using System.Data.Common;
using Passport.Data.Sprints;

namespace Passport.Grains.Tests.Sprints;

/// <summary>
/// The real session store with faults a test puts in for one session at a time (tests use fresh sessions, so they
/// never trip over each other's faults): a database that fails a write, or fails after committing it.
/// </summary>
public sealed class FaultySessionStore(SprintRepository store) : ISprintSessionStore, IDisposable
{
    private readonly ConcurrentDictionary<Guid, Fault> _next = new();

    public enum Fault
    {
        /// <summary>The write fails; nothing is stored.</summary>
        FailBeforeStoring,

        /// <summary>The write is committed, then the caller gets an error, as when the connection drops during the commit.</summary>
        FailAfterStoring,

        /// <summary>
        /// The write is committed but reported failed inside the group commit, which runs it again alone (its retry
        /// after a failed batch): the caller gets what that second run finds.
        /// </summary>
        CommitThenRunAgain,
    }

    /// <summary>The next write to the session meets <paramref name="fault"/>; later writes go through.</summary>
    public void FailNextWrite(Guid sessionId, Fault fault) => _next[sessionId] = fault;

    public Task<SprintSessionRow?> GetSessionAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        store.GetSessionAsync(sessionId, cancellationToken);

    public Task<IReadOnlyList<SprintResponseRow>> GetResponsesOfSessionAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        store.GetResponsesOfSessionAsync(sessionId, cancellationToken);

    public Task<SprintWrite> CreateSessionAsync(SprintSessionRow session, CancellationToken cancellationToken = default) =>
        WriteAsync(session.Id, () => store.CreateSessionAsync(session, cancellationToken));

    public Task<SprintWrite> UpdateSessionAsync(SprintSessionRow session, CancellationToken cancellationToken = default) =>
        WriteAsync(session.Id, () => store.UpdateSessionAsync(session, cancellationToken));

    public Task<SprintWrite> RecordResponseAsync(SprintResponseRow response, SprintSessionRow session, CancellationToken cancellationToken = default) =>
        WriteAsync(session.Id, () => store.RecordResponseAsync(response, session, cancellationToken));

    public void Dispose() => store.Dispose();

    private async Task<SprintWrite> WriteAsync(Guid sessionId, Func<Task<SprintWrite>> write)
    {
        if (!_next.TryRemove(sessionId, out var fault))
        {
            return await write();
        }

        switch (fault)
        {
            case Fault.FailBeforeStoring:
                throw new InjectedFault("The database went away before the write.");
            case Fault.FailAfterStoring:
                Assert.Equal(SprintWrite.Stored, await write());
                throw new InjectedFault("The connection dropped while the write was committing.");
            default:
                Assert.Equal(SprintWrite.Stored, await write());
                return await write();
        }
    }

    private sealed class InjectedFault(string message) : DbException(message);
}
