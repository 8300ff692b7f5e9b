namespace Passport.Matching.Candidates;

/// <summary>An immutable state of the candidate pool: the candidates, their matrix for the first stage, and when it was read.</summary>
public sealed class PoolSnapshot
{
    public PoolSnapshot(IReadOnlyList<string> skillIds, IReadOnlyList<PoolCandidate> candidates, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(skillIds);
        ArgumentNullException.ThrowIfNull(candidates);
        Candidates = candidates;
        Matrix = CandidateMatrix.From(skillIds, [.. candidates.Select(candidate => candidate.Profile)]);
        ReadAt = readAt;
    }

    private PoolSnapshot(PoolSnapshot other, DateTimeOffset readAt)
    {
        Candidates = other.Candidates;
        Matrix = other.Matrix;
        ReadAt = readAt;
    }

    public IReadOnlyList<PoolCandidate> Candidates { get; }

    public CandidateMatrix Matrix { get; }

    /// <summary>Passports changed after this moment may not be in the snapshot yet.</summary>
    public DateTimeOffset ReadAt { get; }

    public int Count => Candidates.Count;

    /// <summary>The same candidates, read again at <paramref name="readAt"/> and found unchanged.</summary>
    public PoolSnapshot Unchanged(DateTimeOffset readAt) => new(this, readAt);

    /// <summary>A new snapshot without <paramref name="removed"/> and with <paramref name="updated"/> replacing or adding people.</summary>
    public PoolSnapshot With(IReadOnlyCollection<Guid> removed, IReadOnlyList<PoolCandidate> updated, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(removed);
        ArgumentNullException.ThrowIfNull(updated);
        var drop = removed.Concat(updated.Select(candidate => candidate.UserId)).ToHashSet();
        return new PoolSnapshot(Matrix.SkillIds, [.. Candidates.Where(candidate => !drop.Contains(candidate.UserId)), .. updated], readAt);
    }
}
