using Stateless;
using Stateless.Graph;

namespace Passport.Domain.Pathways;

/// <summary>
/// The lifecycle of one education pathway. The state lives with the pathway (and its database row); this machine
/// only says which moves are allowed. A draft opens once; an open pathway can fill up and open again when places
/// come free; an open or full pathway closes for good, so a closed pathway never comes back under the same id.
/// </summary>
public sealed class PathwayLifecycle
{
    private enum Trigger
    {
        Open,
        Fill,
        Close,
    }

    private readonly StateMachine<PathwayStatus, Trigger> _machine;

    public PathwayLifecycle(Func<PathwayStatus> read, Action<PathwayStatus> write)
    {
        _machine = new StateMachine<PathwayStatus, Trigger>(read, write);

        _machine.Configure(PathwayStatus.Draft)
            .Permit(Trigger.Open, PathwayStatus.Open);

        _machine.Configure(PathwayStatus.Open)
            .Permit(Trigger.Fill, PathwayStatus.Full)
            .Permit(Trigger.Close, PathwayStatus.Closed);

        _machine.Configure(PathwayStatus.Full)
            .Permit(Trigger.Open, PathwayStatus.Open)
            .Permit(Trigger.Close, PathwayStatus.Closed);
    }

    public PathwayStatus Status => _machine.State;

    public bool CanOpen => _machine.CanFire(Trigger.Open);

    public bool CanFill => _machine.CanFire(Trigger.Fill);

    public bool CanClose => _machine.CanFire(Trigger.Close);

    /// <summary>Only a closed pathway is frozen: its history must keep describing what was offered.</summary>
    public bool CanEdit => _machine.State != PathwayStatus.Closed;

    /// <summary>Publishes a draft, or takes students again after it was full.</summary>
    public void Open() => _machine.Fire(Trigger.Open);

    /// <summary>Every place is taken; it stays listed.</summary>
    public void Fill() => _machine.Fire(Trigger.Fill);

    /// <summary>No longer offered.</summary>
    public void Close() => _machine.Fire(Trigger.Close);

    /// <summary>The graph in DOT, for <c>docs/</c>.</summary>
    public static string ToDotGraph()
    {
        var status = PathwayStatus.Draft;
        var lifecycle = new PathwayLifecycle(() => status, value => status = value);
        return UmlDotGraph.Format(lifecycle._machine.GetInfo());
    }
}
