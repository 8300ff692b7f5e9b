namespace Passport.Domain.Consent;

/// <summary>Where a consent is in its lifecycle (<see cref="ConsentLifecycle"/>). Stored by name.</summary>
public enum ConsentStatus
{
    Requested,
    Granted,
    Declined,
    Revoked,
    Expired,
}
