namespace Passport.Grains.Pathways;

/// <summary>What became of an edit or a lifecycle move.</summary>
[GenerateSerializer]
public enum PathwayChange
{
    Done,

    /// <summary>No such pathway, or it belongs to another provider (the caller cannot tell which).</summary>
    NotFound,

    /// <summary>The lifecycle does not allow it now, for example editing a closed pathway.</summary>
    NotAllowed,
}
