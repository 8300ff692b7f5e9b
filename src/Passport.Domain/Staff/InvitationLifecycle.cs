using Stateless;
using Stateless.Graph;

namespace Passport.Domain.Staff;

/// <summary>
/// The lifecycle of one staff invitation. It is sent <see cref="InvitationStatus.Pending"/>; the invited person
/// accepts it once, before it expires; its inviter's organisation may revoke it; otherwise it expires. Accepted,
/// expired and revoked are final, so a link is good for one account at most and never comes back to life.
/// </summary>
public sealed class InvitationLifecycle
{
    private enum Trigger
    {
        Accept,
        Expire,
        Revoke,
    }

    private readonly StateMachine<InvitationStatus, Trigger> _machine;

    /// <param name="isExpired">Whether the invitation's end has passed now; an expired invitation cannot be accepted.</param>
    public InvitationLifecycle(Func<InvitationStatus> read, Action<InvitationStatus> write, Func<bool> isExpired)
    {
        ArgumentNullException.ThrowIfNull(isExpired);
        _machine = new StateMachine<InvitationStatus, Trigger>(read, write);

        _machine.Configure(InvitationStatus.Pending)
            .PermitIf(Trigger.Accept, InvitationStatus.Accepted, () => !isExpired(), "not expired")
            .Permit(Trigger.Expire, InvitationStatus.Expired)
            .Permit(Trigger.Revoke, InvitationStatus.Revoked);
    }

    public InvitationStatus Status => _machine.State;

    public bool CanAccept => _machine.CanFire(Trigger.Accept);

    public bool CanExpire => _machine.CanFire(Trigger.Expire);

    public bool CanRevoke => _machine.CanFire(Trigger.Revoke);

    /// <summary>The invited person sets their name and password; the account exists from now on.</summary>
    public void Accept() => _machine.Fire(Trigger.Accept);

    /// <summary>The invitation's end has passed without it being accepted.</summary>
    public void Expire() => _machine.Fire(Trigger.Expire);

    /// <summary>The organisation takes the invitation back.</summary>
    public void Revoke() => _machine.Fire(Trigger.Revoke);

    /// <summary>The graph in DOT, for <c>docs/</c>.</summary>
    public static string ToDotGraph()
    {
        var status = InvitationStatus.Pending;
        var lifecycle = new InvitationLifecycle(() => status, value => status = value, () => false);
        return UmlDotGraph.Format(lifecycle._machine.GetInfo());
    }
}
