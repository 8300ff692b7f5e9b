namespace Passport.Domain.Handovers;

/// <summary>Where a hand-over stands. Completed, declined, withdrawn and expired are final.</summary>
public enum HandoverStatus
{
    /// <summary>The sending contact person wrote the note; the young person has not answered yet.</summary>
    Proposed,

    /// <summary>The young person agreed to be handed over; the receiving organisation has not answered yet.</summary>
    Consented,

    /// <summary>The receiving organisation took the young person on and named their new contact person.</summary>
    Accepted,

    /// <summary>The new contact person has met the young person.</summary>
    Completed,

    /// <summary>The young person or the receiving organisation said no.</summary>
    Declined,

    /// <summary>The sending side took the hand-over back before it completed.</summary>
    Withdrawn,

    /// <summary>It did not complete within its lifetime.</summary>
    Expired,
}
