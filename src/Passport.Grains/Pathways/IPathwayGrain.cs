namespace Passport.Grains.Pathways;

/// <summary>
/// One education pathway, keyed by its id: the single writer of its row, which changes only through here.
/// Every change is stored before it is acknowledged. A caller names its organisation, and a pathway of another
/// provider answers as if it did not exist.
/// </summary>
public interface IPathwayGrain : IGrainWithGuidKey
{
    /// <summary>The pathway as stored; null when it does not exist.</summary>
    Task<PathwayView?> GetAsync();

    /// <summary>Creates the pathway as a draft of this provider; null when this id is taken already.</summary>
    Task<PathwayView?> CreateAsync(Guid organisationId, PathwayContent content);

    /// <summary>Replaces the content; not allowed once closed.</summary>
    Task<PathwayChange> UpdateAsync(Guid organisationId, PathwayContent content);

    /// <summary>Publishes a draft, or reopens a full pathway.</summary>
    Task<PathwayChange> OpenAsync(Guid organisationId);

    /// <summary>Marks an open pathway as full.</summary>
    Task<PathwayChange> FillAsync(Guid organisationId);

    /// <summary>Ends an open or full pathway for good.</summary>
    Task<PathwayChange> CloseAsync(Guid organisationId);

    /// <summary>Drops what this activation holds; the next call reads the database again.</summary>
    Task ForgetAsync();
}
