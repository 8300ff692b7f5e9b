using System.Globalization;

namespace Passport.Data.Database;

/// <summary>
/// One page of a list: page <see cref="Page"/> (from 1) of <see cref="PageSize"/> rows. It reads one row beyond the
/// page, so the caller can tell whether another page follows without counting the whole list.
/// </summary>
public sealed record PageRequest
{
    /// <summary>The highest page number; keeps the offset well inside a 32-bit integer at any page size.</summary>
    public const int MaxPage = 1_000_000;

    public PageRequest(int page, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page, MaxPage);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        Page = page;
        PageSize = pageSize;
    }

    public int Page { get; }

    public int PageSize { get; }

    /// <summary>Rows before this page.</summary>
    public int Offset => (Page - 1) * PageSize;

    /// <summary>Rows to read: the page and one more.</summary>
    public int Limit => PageSize + 1;

    /// <summary>The clause to end a query with an <c>ORDER BY</c> that names a unique column last; both dialects accept it.</summary>
    public string Sql => string.Create(CultureInfo.InvariantCulture, $"LIMIT {Limit} OFFSET {Offset}");

    /// <summary>The same window of a list already in memory (kept small by its own limits).</summary>
    public IEnumerable<T> Of<T>(IEnumerable<T> items) => items.Skip(Offset).Take(Limit);
}
