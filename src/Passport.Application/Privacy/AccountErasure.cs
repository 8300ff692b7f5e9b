using Microsoft.Extensions.Logging;
using Passport.Application.Accounts;
using Passport.Data.Accounts;
using Passport.Data.Privacy;
using Passport.Grains.Consent;
using Passport.Grains.JobSeekers;

namespace Passport.Application.Privacy;

/// <summary>
/// Erases an account (GDPR Art. 17): every section removes what the cascade does not reach, then the account row
/// goes with everything that cascades from it, together with an erasure record that names nobody; last, the grains
/// drop what they held in memory, and the database files are cleaned of the deleted rows' bytes in the background
/// (<see cref="ErasedDataCleanup"/>). Until the account row is deleted the account still works, so an erasure that
/// fails halfway leaves no half-erased person behind and can simply be asked for again.
/// </summary>
public sealed partial class AccountErasure(
    IEnumerable<IPersonalDataSection> sections, UserStore users, ErasureRepository erasures, IGrainFactory grains,
    ErasedDataCleanup cleanup, TimeProvider time, IAccountSessions sessions, ILogger<AccountErasure> logger)
{
    /// <summary>False when there was no such account (erased already).</summary>
    public async Task<bool> EraseAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString(), cancellationToken);
        if (user is null)
        {
            return false;
        }

        foreach (var section in sections)
        {
            await section.EraseAsync(userId, cancellationToken);
        }

        if (!await erasures.DeleteAccountAsync(userId, user.Roles, time.GetUtcNow(), cancellationToken))
        {
            return false;
        }

        // This host refuses the account's cookies and tokens at once; other hosts within the session check interval.
        sessions.Forget(userId);
        cleanup.Request();
        await grains.GetGrain<IJobSeekerGrain>(userId).ForgetAsync();
        await grains.GetGrain<IConsentGrain>(userId).ForgetAsync();
        LogErased(string.Join(' ', user.Roles));
        return true;
    }

    /// <summary>All sections of the person's data, by section name.</summary>
    public async Task<Dictionary<string, object?>> ExportAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var export = new Dictionary<string, object?>(StringComparer.Ordinal) { ["exportedAt"] = time.GetUtcNow() };
        foreach (var section in sections)
        {
            export[section.Name] = await section.ExportAsync(userId, cancellationToken);
        }

        return export;
    }

    // Deliberately without the user id: the log must not keep what the erasure removed.
    [LoggerMessage(Level = LogLevel.Information, Message = "An account was erased (roles: {Roles})")]
    private partial void LogErased(string roles);
}
