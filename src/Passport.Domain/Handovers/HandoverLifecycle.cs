using Stateless;
using Stateless.Graph;

namespace Passport.Domain.Handovers;

/// <summary>
/// The lifecycle of one warm hand-over. The sending contact person proposes it; the young person consents; the
/// receiving organisation accepts and names the new contact person; it completes when that person has met the young
/// person. Until it completes it can be declined (by the young person, or by the receiving organisation once it has
/// been asked), withdrawn by the sending side, or expire. The moves forward are refused once its lifetime has passed,
/// so a hand-over nobody acted on never completes late. All four ends are final: trying again is a new hand-over, so
/// the journey keeps telling what happened to each. Who may make which move is a rule of <see cref="Handover"/>.
/// </summary>
public sealed class HandoverLifecycle
{
    private readonly StateMachine<HandoverStatus, HandoverMove> _machine;

    /// <param name="isExpired">Whether the hand-over's lifetime has passed now; an expired one moves no further forward.</param>
    public HandoverLifecycle(Func<HandoverStatus> read, Action<HandoverStatus> write, Func<bool> isExpired)
    {
        ArgumentNullException.ThrowIfNull(isExpired);
        _machine = new StateMachine<HandoverStatus, HandoverMove>(read, write);

        _machine.Configure(HandoverStatus.Proposed)
            .PermitIf(HandoverMove.Consent, HandoverStatus.Consented, () => !isExpired(), "not expired")
            .Permit(HandoverMove.Decline, HandoverStatus.Declined)
            .Permit(HandoverMove.Withdraw, HandoverStatus.Withdrawn)
            .Permit(HandoverMove.Expire, HandoverStatus.Expired);

        _machine.Configure(HandoverStatus.Consented)
            .PermitIf(HandoverMove.Accept, HandoverStatus.Accepted, () => !isExpired(), "not expired")
            .Permit(HandoverMove.Decline, HandoverStatus.Declined)
            .Permit(HandoverMove.Withdraw, HandoverStatus.Withdrawn)
            .Permit(HandoverMove.Expire, HandoverStatus.Expired);

        _machine.Configure(HandoverStatus.Accepted)
            .PermitIf(HandoverMove.Complete, HandoverStatus.Completed, () => !isExpired(), "not expired")
            .Permit(HandoverMove.Decline, HandoverStatus.Declined)
            .Permit(HandoverMove.Withdraw, HandoverStatus.Withdrawn)
            .Permit(HandoverMove.Expire, HandoverStatus.Expired);
    }

    public HandoverStatus Status => _machine.State;

    /// <summary>Completed, declined, withdrawn and expired hand-overs no longer change.</summary>
    public bool IsFinal => IsFinalStatus(Status);

    public bool CanMake(HandoverMove move) => _machine.CanFire(move);

    /// <summary>The moves allowed from where the hand-over stands now, whoever makes them.</summary>
    public IReadOnlyList<HandoverMove> AllowedMoves => [.. Enum.GetValues<HandoverMove>().Where(_machine.CanFire)];

    public void Make(HandoverMove move) => _machine.Fire(move);

    public static bool IsFinalStatus(HandoverStatus status) =>
        status is HandoverStatus.Completed or HandoverStatus.Declined or HandoverStatus.Withdrawn or HandoverStatus.Expired;

    /// <summary>The graph in DOT, for <c>docs/</c>.</summary>
    public static string ToDotGraph()
    {
        var status = HandoverStatus.Proposed;
        var lifecycle = new HandoverLifecycle(() => status, value => status = value, () => false);
        return UmlDotGraph.Format(lifecycle._machine.GetInfo());
    }
}
