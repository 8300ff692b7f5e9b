using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Data.Consent;
using Passport.Data.Database;

namespace Passport.Application.PersonalData;

/// <summary>A person's own access log: who read their data, when, why and how. Only its owner reads it.</summary>
public sealed class MyAccessLog(AccessLogRepository accessLog)
{
    /// <summary>One page, the newest entries first (the API).</summary>
    public Task<IReadOnlyList<AccessLogRow>> PageAsync(ClaimsPrincipal owner, PageRequest page, CancellationToken cancellationToken = default) =>
        accessLog.ListForSubjectAsync(OwnerId(owner), page, cancellationToken);

    /// <summary>The newest <paramref name="limit"/> entries older than the last one seen (the page, which pages by time).</summary>
    public Task<IReadOnlyList<AccessLogRow>> OlderThanAsync(
        ClaimsPrincipal owner, int limit, DateTimeOffset? before, Guid? beforeId, CancellationToken cancellationToken = default) =>
        accessLog.ListForSubjectAsync(OwnerId(owner), limit, before, beforeId, cancellationToken);

    private static Guid OwnerId(ClaimsPrincipal owner) => owner?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in person has an access log.");
}
