namespace Passport.Data.Sprints;

/// <summary>What became of a write to a session: the caller never has to guess whether it was stored.</summary>
public enum SprintWrite
{
    /// <summary>Written now.</summary>
    Stored,

    /// <summary>
    /// The same row was already stored (an earlier attempt committed, though its caller saw an error); nothing was
    /// written now. The database holds the truth, which the caller reloads.
    /// </summary>
    AlreadyStored,

    /// <summary>
    /// Nothing was written: the session moved on since the caller read it (another version), or the item already
    /// has a different answer. The caller reloads the session from the database.
    /// </summary>
    Conflict,
}
