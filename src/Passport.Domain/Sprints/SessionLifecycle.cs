using Stateless;
using Stateless.Graph;

namespace Passport.Domain.Sprints;

/// <summary>
/// The lifecycle of a sprint session. The state lives with the session (and its database row); this machine
/// only says which moves are allowed. Completed, abandoned and expired are final: a finished session is never
/// reopened, a new one is started instead.
/// </summary>
public sealed class SessionLifecycle
{
    private enum Trigger
    {
        Start,
        Pause,
        Resume,
        Complete,
        Abandon,
        Expire,
    }

    private readonly StateMachine<SessionStatus, Trigger> _machine;

    public SessionLifecycle(Func<SessionStatus> read, Action<SessionStatus> write)
    {
        _machine = new StateMachine<SessionStatus, Trigger>(read, write);

        _machine.Configure(SessionStatus.Created)
            .Permit(Trigger.Start, SessionStatus.InProgress)
            .Permit(Trigger.Abandon, SessionStatus.Abandoned)
            .Permit(Trigger.Expire, SessionStatus.Expired);

        _machine.Configure(SessionStatus.InProgress)
            .Permit(Trigger.Pause, SessionStatus.Paused)
            .Permit(Trigger.Complete, SessionStatus.Completed)
            .Permit(Trigger.Abandon, SessionStatus.Abandoned)
            .Permit(Trigger.Expire, SessionStatus.Expired);

        _machine.Configure(SessionStatus.Paused)
            .Permit(Trigger.Resume, SessionStatus.InProgress)
            .Permit(Trigger.Abandon, SessionStatus.Abandoned)
            .Permit(Trigger.Expire, SessionStatus.Expired);

        _machine.Configure(SessionStatus.Completed);
        _machine.Configure(SessionStatus.Abandoned);
        _machine.Configure(SessionStatus.Expired);
    }

    public SessionStatus Status => _machine.State;

    /// <summary>Answers are taken only while the session is in progress.</summary>
    public bool CanAnswer => _machine.State == SessionStatus.InProgress;

    public bool IsFinished => _machine.State is SessionStatus.Completed or SessionStatus.Abandoned or SessionStatus.Expired;

    public bool CanStart => _machine.CanFire(Trigger.Start);

    public bool CanPause => _machine.CanFire(Trigger.Pause);

    public bool CanResume => _machine.CanFire(Trigger.Resume);

    public bool CanComplete => _machine.CanFire(Trigger.Complete);

    public bool CanAbandon => _machine.CanFire(Trigger.Abandon);

    public bool CanExpire => _machine.CanFire(Trigger.Expire);

    public void Start() => _machine.Fire(Trigger.Start);

    /// <summary>The player went away (connection dropped); the session waits for them.</summary>
    public void Pause() => _machine.Fire(Trigger.Pause);

    public void Resume() => _machine.Fire(Trigger.Resume);

    public void Complete() => _machine.Fire(Trigger.Complete);

    public void Abandon() => _machine.Fire(Trigger.Abandon);

    /// <summary>Left untouched longer than the session lifetime.</summary>
    public void Expire() => _machine.Fire(Trigger.Expire);

    /// <summary>The graph in DOT, for <c>docs/</c>.</summary>
    public static string ToDotGraph()
    {
        var status = SessionStatus.Created;
        var lifecycle = new SessionLifecycle(() => status, value => status = value);
        return UmlDotGraph.Format(lifecycle._machine.GetInfo());
    }
}
