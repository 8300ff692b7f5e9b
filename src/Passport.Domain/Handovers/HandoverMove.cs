namespace Passport.Domain.Handovers;

/// <summary>A move of a hand-over's lifecycle. Who may make which move is a rule of <see cref="Handover"/>.</summary>
public enum HandoverMove
{
    Consent,
    Accept,
    Complete,
    Decline,
    Withdraw,
    Expire,
}
