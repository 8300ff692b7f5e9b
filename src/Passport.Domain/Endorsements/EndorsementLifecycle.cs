using Stateless;
using Stateless.Graph;

namespace Passport.Domain.Endorsements;

/// <summary>
/// The lifecycle of an endorsement: someone from an organisation endorses one of a person's skills, and the
/// person decides whether it shows in their passport. Nothing shows before the owner accepts it; an accepted
/// endorsement can be hidden again later (withdrawn). Declined and withdrawn are final: the endorser can propose
/// a new one instead.
/// </summary>
public sealed class EndorsementLifecycle
{
    private enum Trigger
    {
        Accept,
        Decline,
        Withdraw,
    }

    private readonly StateMachine<EndorsementStatus, Trigger> _machine;

    public EndorsementLifecycle(Func<EndorsementStatus> read, Action<EndorsementStatus> write)
    {
        _machine = new StateMachine<EndorsementStatus, Trigger>(read, write);

        _machine.Configure(EndorsementStatus.Pending)
            .Permit(Trigger.Accept, EndorsementStatus.Accepted)
            .Permit(Trigger.Decline, EndorsementStatus.Declined);

        _machine.Configure(EndorsementStatus.Accepted)
            .Permit(Trigger.Withdraw, EndorsementStatus.Withdrawn);
    }

    public EndorsementStatus Status => _machine.State;

    /// <summary>Only accepted endorsements show in the passport, to the owner and to anyone with consent.</summary>
    public bool IsShown => _machine.State == EndorsementStatus.Accepted;

    public bool CanAccept => _machine.CanFire(Trigger.Accept);

    public bool CanDecline => _machine.CanFire(Trigger.Decline);

    public bool CanWithdraw => _machine.CanFire(Trigger.Withdraw);

    /// <summary>The owner agrees it shows in their passport.</summary>
    public void Accept() => _machine.Fire(Trigger.Accept);

    /// <summary>The owner does not want it; it never shows.</summary>
    public void Decline() => _machine.Fire(Trigger.Decline);

    /// <summary>The owner hides an endorsement they accepted before.</summary>
    public void Withdraw() => _machine.Fire(Trigger.Withdraw);

    /// <summary>The graph in DOT, for <c>docs/</c>.</summary>
    public static string ToDotGraph()
    {
        var status = EndorsementStatus.Pending;
        var lifecycle = new EndorsementLifecycle(() => status, value => status = value);
        return UmlDotGraph.Format(lifecycle._machine.GetInfo());
    }
}
