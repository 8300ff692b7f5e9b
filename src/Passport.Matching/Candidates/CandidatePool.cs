using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passport.Data.Matching;
using Passport.Domain.Skills;

namespace Passport.Matching.Candidates;

/// <summary>
/// Every findable passport in memory, for ranking 100,000 candidates within one request. Read in full once, then
/// kept current by re-reading only the people whose answers, preferences or experiences changed since the last
/// read, at most every <see cref="MatchingOptions.PoolRefresh"/>. Each host keeps its own pool; the database is the
/// truth, so whoever is shown is checked against it again before a list leaves (see <see cref="Evict"/>).
/// </summary>
public sealed partial class CandidatePool(
    CandidateProfileReader reader,
    CandidateRepository repository,
    SkillCatalog skills,
    IOptions<MatchingOptions> options,
    TimeProvider time,
    ILogger<CandidatePool> logger) : IDisposable
{
    // Rows written just before a read may commit just after it; re-reading a short window again catches them.
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private PoolSnapshot? _snapshot;

    public async ValueTask<PoolSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var refresh = options.Value.PoolRefresh;
        if (snapshot is not null && time.GetUtcNow() - snapshot.ReadAt < refresh)
        {
            return snapshot;
        }

        // With a refresh interval, one request re-reads and the others go on with the snapshot they have; without
        // one (or with none read yet), everyone waits for a current snapshot.
        if (snapshot is not null && refresh > TimeSpan.Zero)
        {
            if (!await _gate.WaitAsync(TimeSpan.Zero, cancellationToken))
            {
                return snapshot;
            }
        }
        else
        {
            await _gate.WaitAsync(cancellationToken);
        }

        try
        {
            var current = Volatile.Read(ref _snapshot);
            if (current is not null && current != snapshot && time.GetUtcNow() - current.ReadAt < refresh)
            {
                return current;
            }

            var next = current is null ? await ReadAllAsync(cancellationToken) : await ReadChangesAsync(current, cancellationToken);
            Volatile.Write(ref _snapshot, next);
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Drops people found no longer findable (they switched it off or left) until their next change. Without the
    /// gate: if a refresh running now brings them back, the check before every list still keeps them out.
    /// </summary>
    public void Evict(IReadOnlyCollection<Guid> userIds)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count == 0)
        {
            return;
        }

        while (Volatile.Read(ref _snapshot) is { } snapshot)
        {
            if (Interlocked.CompareExchange(ref _snapshot, snapshot.With(userIds, [], snapshot.ReadAt), snapshot) == snapshot)
            {
                return;
            }
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<PoolSnapshot> ReadAllAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var candidates = await reader.ReadAsync(CandidateScope.AllFindable, cancellationToken);
        var snapshot = new PoolSnapshot([.. skills.All.Select(skill => skill.Id)], candidates, started);
        LogRead(logger, snapshot.Count, (time.GetUtcNow() - started).TotalMilliseconds);
        return snapshot;
    }

    private async Task<PoolSnapshot> ReadChangesAsync(PoolSnapshot current, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var changed = await repository.ChangedSinceAsync(current.ReadAt - Overlap, cancellationToken);
        if (changed.Count == 0)
        {
            return current.Unchanged(started);
        }

        var updated = await reader.ReadAsync(CandidateScope.Findable(changed), cancellationToken);
        return current.With(changed, updated, started);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Count} findable passports into the candidate pool in {Milliseconds:F0} ms.")]
    private static partial void LogRead(ILogger logger, int count, double milliseconds);
}
