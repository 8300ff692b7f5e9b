namespace Passport.Data.Sprints;

/// <summary>A row of <c>sprint_sessions</c>: where a session stands, so it resumes after a host restart.</summary>
public sealed class SprintSessionRow
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string SprintId { get; set; } = "";

    public string Status { get; set; } = "";

    public string Language { get; set; } = "";

    public string? CurrentItemId { get; set; }

    public DateTimeOffset? CurrentPresentedAt { get; set; }

    public int PresentedCount { get; set; }

    public int CompletionXp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>
    /// Counts the writes to the session: each write names the version it makes, and is stored only over the one
    /// before it, so a writer that read an older row never overwrites a newer one (optimistic concurrency).
    /// </summary>
    public int Version { get; set; }

    /// <summary>A copy one version on, for the next write to change; this row stays as read until that write is stored.</summary>
    public SprintSessionRow NextVersion()
    {
        var next = (SprintSessionRow)MemberwiseClone();
        next.Version = Version + 1;
        return next;
    }
}
