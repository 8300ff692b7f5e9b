using Stateless;
using Stateless.Graph;

namespace Passport.Domain.Workshops;

/// <summary>
/// The lifecycle of a coach's live workshop. The state lives with the workshop (and its database row); this
/// machine only says which moves are allowed. A workshop is opened with a join code, takes participants while
/// open, and is closed by its coach; closed is final (the code then joins nobody, a new workshop is opened instead).
/// </summary>
public sealed class WorkshopLifecycle
{
    private enum Trigger
    {
        Join,
        Leave,
        Close,
    }

    private readonly StateMachine<WorkshopStatus, Trigger> _machine;

    public WorkshopLifecycle(Func<WorkshopStatus> read, Action<WorkshopStatus> write)
    {
        _machine = new StateMachine<WorkshopStatus, Trigger>(read, write);

        _machine.Configure(WorkshopStatus.Open)
            .PermitReentry(Trigger.Join)
            .PermitReentry(Trigger.Leave)
            .Permit(Trigger.Close, WorkshopStatus.Closed);

        // Leaving a closed workshop is allowed and changes nothing, so a job seeker can always let go of it.
        _machine.Configure(WorkshopStatus.Closed)
            .Ignore(Trigger.Leave);
    }

    public WorkshopStatus Status => _machine.State;

    public bool IsOpen => _machine.State == WorkshopStatus.Open;

    public bool CanJoin => _machine.CanFire(Trigger.Join);

    public bool CanLeave => _machine.CanFire(Trigger.Leave);

    public bool CanClose => _machine.CanFire(Trigger.Close);

    /// <summary>A job seeker joins after agreeing to the notice; only while the workshop is open.</summary>
    public void Join() => _machine.Fire(Trigger.Join);

    public void Leave() => _machine.Fire(Trigger.Leave);

    /// <summary>The coach ends the workshop; the code joins nobody any more.</summary>
    public void Close() => _machine.Fire(Trigger.Close);

    /// <summary>The graph in DOT, for <c>docs/</c>.</summary>
    public static string ToDotGraph()
    {
        var status = WorkshopStatus.Open;
        var lifecycle = new WorkshopLifecycle(() => status, value => status = value);
        return UmlDotGraph.Format(lifecycle._machine.GetInfo());
    }
}
