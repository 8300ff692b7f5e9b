using Stateless;
using Stateless.Graph;

namespace Passport.Domain.Credentials;

/// <summary>
/// The lifecycle of an issued credential. The state lives in its database row; this machine only says which moves
/// are allowed. A credential is issued to its owner and revoked by them (or by erasing the account); revoked is
/// final, because its status-list bit tells every verifier so from then on. Revoking again changes nothing, so a
/// retried request is harmless.
/// </summary>
public sealed class CredentialLifecycle
{
    private enum Trigger
    {
        Revoke,
    }

    private readonly StateMachine<CredentialStatus, Trigger> _machine;

    public CredentialLifecycle(Func<CredentialStatus> read, Action<CredentialStatus> write)
    {
        _machine = new StateMachine<CredentialStatus, Trigger>(read, write);

        _machine.Configure(CredentialStatus.Issued)
            .Permit(Trigger.Revoke, CredentialStatus.Revoked);

        _machine.Configure(CredentialStatus.Revoked)
            .Ignore(Trigger.Revoke);
    }

    public CredentialStatus Status => _machine.State;

    public bool IsRevoked => _machine.State == CredentialStatus.Revoked;

    /// <summary>Revokes the credential; true when this call changed it (false when it was revoked already).</summary>
    public bool Revoke()
    {
        var before = _machine.State;
        _machine.Fire(Trigger.Revoke);
        return before != _machine.State;
    }

    /// <summary>The graph in DOT, for <c>docs/</c>.</summary>
    public static string ToDotGraph()
    {
        var status = CredentialStatus.Issued;
        var lifecycle = new CredentialLifecycle(() => status, value => status = value);
        return UmlDotGraph.Format(lifecycle._machine.GetInfo());
    }
}
