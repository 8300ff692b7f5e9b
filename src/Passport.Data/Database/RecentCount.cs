namespace Passport.Data.Database;

/// <summary>How many of something happened since a moment, and when the oldest of them did.</summary>
public sealed record RecentCount(int Count, DateTimeOffset? Oldest)
{
    /// <summary>
    /// Null while fewer than <paramref name="limit"/> fall in the last <paramref name="window"/>; else how long until
    /// the oldest leaves it and one more fits.
    /// </summary>
    public TimeSpan? RetryAfter(int limit, TimeSpan window, DateTimeOffset now)
    {
        if (Count < limit)
        {
            return null;
        }

        var wait = (Oldest ?? now) + window - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }
}

/// <summary>
/// <c>SELECT COUNT(*) AS Count, MIN(…) AS Oldest</c> as both dialects hand it back: SQLite gives the minimum of a text
/// column as text and PostgreSQL as a timestamp, which Dapper's handler reads into a settable property.
/// </summary>
internal sealed class CountRow
{
    public long Count { get; init; }

    public DateTimeOffset? Oldest { get; init; }

    public RecentCount ToRecentCount() => new((int)Count, Oldest);
}
