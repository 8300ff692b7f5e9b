namespace Passport.Data.Sprints;

/// <summary>
/// What a sprint session reads and writes: its row, its responses, and versioned writes that say what became of
/// them (<see cref="SprintWrite"/>). <see cref="SprintRepository"/> is the store; tests put faults in between.
/// </summary>
public interface ISprintSessionStore
{
    Task<SprintSessionRow?> GetSessionAsync(Guid sessionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SprintResponseRow>> GetResponsesOfSessionAsync(Guid sessionId, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new session; the same session again is <see cref="SprintWrite.AlreadyStored"/>.</summary>
    Task<SprintWrite> CreateSessionAsync(SprintSessionRow session, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves where the session stands. <paramref name="session"/> carries the version it will have once stored;
    /// the write succeeds only over the version just before it, else it is a <see cref="SprintWrite.Conflict"/>.
    /// </summary>
    Task<SprintWrite> UpdateSessionAsync(SprintSessionRow session, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a response and the session's next step (versioned as in <see cref="UpdateSessionAsync"/>) in one
    /// transaction. A response already stored with the same content is <see cref="SprintWrite.AlreadyStored"/>
    /// and writes nothing; a different one, or another version of the session, is a <see cref="SprintWrite.Conflict"/>
    /// and writes nothing either.
    /// </summary>
    Task<SprintWrite> RecordResponseAsync(SprintResponseRow response, SprintSessionRow session, CancellationToken cancellationToken = default);
}
