namespace Passport.Domain.Sharing;

/// <summary>Where a share link is in its lifecycle (<see cref="ShareLinkLifecycle"/>). Stored by name.</summary>
public enum ShareLinkStatus
{
    Active,
    Revoked,
    Expired,
}
