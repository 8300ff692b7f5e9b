using Stateless;
using Stateless.Graph;

namespace Passport.Domain.Sharing;

/// <summary>
/// The lifecycle of one share link. A link is made <see cref="ShareLinkStatus.Active"/>; it ends when its owner revokes
/// it or its end date passes. Both ends are final: sharing again makes a new link with a new secret, so an old
/// printout or forwarded message can never come back to life.
/// </summary>
public sealed class ShareLinkLifecycle
{
    private enum Trigger
    {
        Revoke,
        Expire,
    }

    private readonly StateMachine<ShareLinkStatus, Trigger> _machine;

    public ShareLinkLifecycle(Func<ShareLinkStatus> read, Action<ShareLinkStatus> write)
    {
        _machine = new StateMachine<ShareLinkStatus, Trigger>(read, write);

        _machine.Configure(ShareLinkStatus.Active)
            .Permit(Trigger.Revoke, ShareLinkStatus.Revoked)
            .Permit(Trigger.Expire, ShareLinkStatus.Expired);
    }

    public ShareLinkStatus Status => _machine.State;

    public bool CanRevoke => _machine.CanFire(Trigger.Revoke);

    public bool CanExpire => _machine.CanFire(Trigger.Expire);

    /// <summary>The owner stops the link; it opens nothing from this moment.</summary>
    public void Revoke() => _machine.Fire(Trigger.Revoke);

    /// <summary>The end date the owner chose has passed.</summary>
    public void Expire() => _machine.Fire(Trigger.Expire);

    /// <summary>The graph in DOT, for <c>docs/</c>.</summary>
    public static string ToDotGraph()
    {
        var status = ShareLinkStatus.Active;
        var lifecycle = new ShareLinkLifecycle(() => status, value => status = value);
        return UmlDotGraph.Format(lifecycle._machine.GetInfo());
    }
}
