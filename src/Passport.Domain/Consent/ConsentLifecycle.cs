using Stateless;
using Stateless.Graph;

namespace Passport.Domain.Consent;

/// <summary>
/// The lifecycle of one consent. The state lives with the consent (and its database row); this machine only says
/// which moves are allowed. An owner grants directly, or someone asks first and the owner approves or declines.
/// A granted consent ends when the owner revokes it or its expiry passes; declined, revoked and expired are final
/// (sharing again makes a new consent, so every consent record keeps telling the truth about its own period).
/// </summary>
public sealed class ConsentLifecycle
{
    private enum Trigger
    {
        Approve,
        Decline,
        Revoke,
        Expire,
    }

    private readonly StateMachine<ConsentStatus, Trigger> _machine;

    public ConsentLifecycle(Func<ConsentStatus> read, Action<ConsentStatus> write)
    {
        _machine = new StateMachine<ConsentStatus, Trigger>(read, write);

        _machine.Configure(ConsentStatus.Requested)
            .Permit(Trigger.Approve, ConsentStatus.Granted)
            .Permit(Trigger.Decline, ConsentStatus.Declined)
            .Permit(Trigger.Expire, ConsentStatus.Expired);

        _machine.Configure(ConsentStatus.Granted)
            .Permit(Trigger.Revoke, ConsentStatus.Revoked)
            .Permit(Trigger.Expire, ConsentStatus.Expired);
    }

    public ConsentStatus Status => _machine.State;

    public bool CanApprove => _machine.CanFire(Trigger.Approve);

    public bool CanDecline => _machine.CanFire(Trigger.Decline);

    public bool CanRevoke => _machine.CanFire(Trigger.Revoke);

    public bool CanExpire => _machine.CanFire(Trigger.Expire);

    /// <summary>The owner agrees to a request.</summary>
    public void Approve() => _machine.Fire(Trigger.Approve);

    /// <summary>The owner says no to a request.</summary>
    public void Decline() => _machine.Fire(Trigger.Decline);

    /// <summary>The owner withdraws a consent they gave; it stops at once.</summary>
    public void Revoke() => _machine.Fire(Trigger.Revoke);

    /// <summary>The expiry the owner chose has passed.</summary>
    public void Expire() => _machine.Fire(Trigger.Expire);

    /// <summary>The graph in DOT, for <c>docs/</c>.</summary>
    public static string ToDotGraph()
    {
        var status = ConsentStatus.Requested;
        var lifecycle = new ConsentLifecycle(() => status, value => status = value);
        return UmlDotGraph.Format(lifecycle._machine.GetInfo());
    }
}
