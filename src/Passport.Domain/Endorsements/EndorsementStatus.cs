namespace Passport.Domain.Endorsements;

/// <summary>Where an endorsement stands; stored by name, so never rename a member.</summary>
public enum EndorsementStatus
{
    Pending,
    Accepted,
    Declined,
    Withdrawn,
}
