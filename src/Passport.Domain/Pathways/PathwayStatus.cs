namespace Passport.Domain.Pathways;

/// <summary>Where a pathway is in its life. The names are stored and part of the public API.</summary>
public enum PathwayStatus
{
    /// <summary>Being written by its provider; nobody else sees it.</summary>
    Draft,

    /// <summary>Listed publicly and taking students.</summary>
    Open,

    /// <summary>Listed publicly, but every place is taken.</summary>
    Full,

    /// <summary>No longer offered; final, and it can no longer be edited.</summary>
    Closed,
}
