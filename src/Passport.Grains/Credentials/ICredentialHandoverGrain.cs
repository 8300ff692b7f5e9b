namespace Passport.Grains.Credentials;

/// <summary>
/// A signed credential waiting for its owner's download, keyed by the credential's id. The database never keeps a
/// signed credential, so it waits here, in memory, for a short time only: the page lists the new credential first
/// (after the form's redirect) and hands the file over on the owner's next request.
/// </summary>
public interface ICredentialHandoverGrain : IGrainWithGuidKey
{
    Task HoldAsync(Guid ownerId, string jwt);

    /// <summary>The held credential, for its owner while it is held; null for anyone else and once the time is over.</summary>
    Task<string?> GetAsync(Guid ownerId);
}
