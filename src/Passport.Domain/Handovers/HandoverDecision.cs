using Passport.Domain.Validation;

namespace Passport.Domain.Handovers;

/// <summary>Why a hand-over refused a move.</summary>
public enum HandoverRefusal
{
    None,

    /// <summary>The input broke rules; the decision's errors say which.</summary>
    Invalid,

    /// <summary>The lifecycle does not allow the move from where the hand-over stands.</summary>
    NotAllowed,

    /// <summary>The move is another side's to make, or the actor is not part of this hand-over.</summary>
    NotYours,

    /// <summary>Its lifetime had passed; it is expired now.</summary>
    Expired,
}

/// <summary>How a move of a hand-over went: done, or refused and why.</summary>
public sealed record HandoverDecision(HandoverRefusal Refusal, ValidationErrors? Errors = null)
{
    public static HandoverDecision Done { get; } = new(HandoverRefusal.None);

    public bool IsDone => Refusal == HandoverRefusal.None;
}
