namespace Passport.Application.Privacy;

/// <summary>
/// One feature's share of a person's data, for the rights of access, portability and erasure (GDPR Art. 15, 17,
/// 20). Every feature that stores personal data registers one, so the export is complete and the erasure misses
/// nothing; a test scans every table after an erasure to hold us to it.
/// </summary>
public interface IPersonalDataSection
{
    /// <summary>The property name of this section in the export.</summary>
    string Name { get; }

    /// <summary>Everything this feature holds about the person, ready to serialise as JSON.</summary>
    Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Runs before the account row is deleted: removes or anonymises what the cascade from <c>users</c> does not
    /// reach (names copied into other people's records, revocations others must be able to see). Must be safe to
    /// run twice, because an erasure that fails halfway is retried from the start.
    /// </summary>
    Task EraseAsync(Guid userId, CancellationToken cancellationToken);
}
