namespace Passport.Domain.Workshops;

/// <summary>Where a coach's live workshop stands; stored by name, so never rename a member.</summary>
public enum WorkshopStatus
{
    Open,
    Closed,
}
