namespace Passport.Grains.Consent;

/// <summary>How an owner's decision on one consent went.</summary>
public enum ConsentChange
{
    Done,

    /// <summary>No consent of this owner has that id.</summary>
    NotFound,

    /// <summary>The consent is not in a state that allows it (approving a granted one, revoking a declined one).</summary>
    NotAllowed,
}
