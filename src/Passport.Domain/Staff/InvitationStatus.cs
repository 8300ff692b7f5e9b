namespace Passport.Domain.Staff;

/// <summary>Where a staff invitation stands. The names are stored (<c>staff_invitations.status</c>) and shown in the API.</summary>
public enum InvitationStatus
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}
