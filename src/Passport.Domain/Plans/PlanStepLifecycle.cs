using Stateless;
using Stateless.Graph;

namespace Passport.Domain.Plans;

/// <summary>
/// The lifecycle of one step of a plan. A professional proposes a step; the young person agrees or declines. A step
/// the young person adds themself starts agreed. An agreed step is started and done, or dropped when it is no longer
/// needed; a proposal can also be taken back (dropped) before it is answered. Done, declined and dropped are final,
/// so the history keeps telling what happened to each step. Who may make which move is a rule of <see cref="Plan"/>.
/// </summary>
public sealed class PlanStepLifecycle
{
    private readonly StateMachine<PlanStepStatus, PlanMove> _machine;

    public PlanStepLifecycle(Func<PlanStepStatus> read, Action<PlanStepStatus> write)
    {
        _machine = new StateMachine<PlanStepStatus, PlanMove>(read, write);

        _machine.Configure(PlanStepStatus.Proposed)
            .Permit(PlanMove.Agree, PlanStepStatus.Agreed)
            .Permit(PlanMove.Decline, PlanStepStatus.Declined)
            .Permit(PlanMove.Drop, PlanStepStatus.Dropped);

        _machine.Configure(PlanStepStatus.Agreed)
            .Permit(PlanMove.Start, PlanStepStatus.InProgress)
            .Permit(PlanMove.Finish, PlanStepStatus.Done)
            .Permit(PlanMove.Drop, PlanStepStatus.Dropped);

        _machine.Configure(PlanStepStatus.InProgress)
            .Permit(PlanMove.Finish, PlanStepStatus.Done)
            .Permit(PlanMove.Drop, PlanStepStatus.Dropped);
    }

    public PlanStepStatus Status => _machine.State;

    /// <summary>Done, declined and dropped steps no longer change.</summary>
    public bool IsFinal => Status is PlanStepStatus.Done or PlanStepStatus.Declined or PlanStepStatus.Dropped;

    public bool CanMake(PlanMove move) => _machine.CanFire(move);

    /// <summary>The moves allowed from where the step stands, whoever makes them.</summary>
    public IReadOnlyList<PlanMove> AllowedMoves => [.. Enum.GetValues<PlanMove>().Where(_machine.CanFire)];

    public void Make(PlanMove move) => _machine.Fire(move);

    /// <summary>The graph in DOT, for <c>docs/</c>.</summary>
    public static string ToDotGraph()
    {
        var status = PlanStepStatus.Proposed;
        var lifecycle = new PlanStepLifecycle(() => status, value => status = value);
        return UmlDotGraph.Format(lifecycle._machine.GetInfo());
    }
}
