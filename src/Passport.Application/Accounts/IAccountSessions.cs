namespace Passport.Application.Accounts;

/// <summary>
/// What the host keeps of the sign-ins it trusts (cookies and API tokens). Told when an account goes, so this host
/// refuses its sessions at once rather than after its next check.
/// </summary>
public interface IAccountSessions
{
    /// <summary>Stops trusting what this host kept about the account's sign-ins.</summary>
    void Forget(Guid userId);
}
