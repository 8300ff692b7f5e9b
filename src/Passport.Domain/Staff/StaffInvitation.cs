namespace Passport.Domain.Staff;

/// <summary>
/// A stored invitation as far as the rules need it: its status and when it ends. <see cref="Accept"/> decides whether
/// the link may make an account now; a pending invitation past its end becomes <see cref="InvitationStatus.Expired"/>.
/// </summary>
public sealed class StaffInvitation(InvitationStatus status, DateTimeOffset expiresAt)
{
    public InvitationStatus Status { get; private set; } = status;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    /// <summary>
    /// Accepts the invitation at <paramref name="now"/> when it is pending and not past its end; otherwise leaves it as it
    /// is (or marks a pending one expired) and answers false.
    /// </summary>
    public bool Accept(DateTimeOffset now)
    {
        var lifecycle = Lifecycle(now);
        if (lifecycle.CanAccept)
        {
            lifecycle.Accept();
            return true;
        }

        if (lifecycle.CanExpire && now >= ExpiresAt)
        {
            lifecycle.Expire();
        }

        return false;
    }

    private InvitationLifecycle Lifecycle(DateTimeOffset now) => new(() => Status, value => Status = value, () => now >= ExpiresAt);
}
