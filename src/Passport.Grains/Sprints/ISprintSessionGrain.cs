namespace Passport.Grains.Sprints;

/// <summary>
/// One play of one sprint, keyed by session id. Every command names the calling user: a session answers only
/// its owner, and tells anyone else it does not exist. A command that names an observer binds it: the session
/// pushes to the observers of the calls made to it (the player's screens), so it reaches the player even when it
/// was activated again on another silo, which keeps no observer of the one before.
/// </summary>
public interface ISprintSessionGrain : IGrainWithGuidKey
{
    /// <summary>Called once, by the owner's job seeker grain; presents the first item through the observer and in its answer.</summary>
    Task<SessionStarted> StartAsync(StartSession start);

    /// <summary>
    /// Scores and stores an answer to the current item, then acknowledges it with the next item or the result,
    /// both in the answer and through the observer. The same answer again is acknowledged again (with where the
    /// session stands now) without scoring it twice.
    /// </summary>
    Task<SprintOutcome<AnswerStep>> SubmitAnswerAsync(Guid userId, string itemId, SprintAnswer answer, ISprintObserver? observer);

    /// <summary>Continues a paused or dropped session with a new observer, presenting the current item (or the result) again.</summary>
    Task<SprintOutcome<SessionView>> ResumeAsync(Guid userId, string language, ISprintObserver? observer);

    Task<SprintOutcome<SessionView>> AbandonAsync(Guid userId);

    /// <summary>The observer's connection dropped: it gets no more pushes, and the session pauses if no other screen shows it.</summary>
    Task PauseAsync(Guid userId, ISprintObserver observer);

    Task<SprintOutcome<SessionView>> GetAsync(Guid userId);
}
