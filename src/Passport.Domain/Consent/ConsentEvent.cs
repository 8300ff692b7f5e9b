namespace Passport.Domain.Consent;

/// <summary>The events a consent record documents (ISO/IEC TS 27560 "event type").</summary>
public enum ConsentEvent
{
    Requested,
    Given,
    Declined,
    Withdrawn,
    Expired,
}
