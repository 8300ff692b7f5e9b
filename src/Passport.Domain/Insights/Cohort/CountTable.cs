namespace Passport.Domain.Insights.Cohort;

/// <summary>
/// A table of true counts of people, before disclosure control: one count per row and column, and the totals that add
/// up (a row's total is the sum of its cells, a column's the sum of its column). Totals are named by keys, so a total
/// two tables share (the people of one district, or everyone) is suppressed in both or in neither
/// (<see cref="DisclosureControl"/>).
/// </summary>
/// <param name="Id">The table's name in the API, the CSV and on the page.</param>
/// <param name="Rows">The rows' ids (a district, a skill, a month...).</param>
/// <param name="Columns">The columns' ids (a status, an age band, a level...).</param>
/// <param name="Cells">Cells[row][column]: how many people.</param>
/// <param name="RowTotalKeys">When the rows' cells add up to something worth showing, the key of each row's total; else null.</param>
/// <param name="ColumnTotalKeys">Likewise for the columns' totals; null when a column's cells do not add up to people.</param>
/// <param name="GrandTotalKey">The key of the total of the totals; null when there is none.</param>
public sealed record CountTable(
    string Id,
    IReadOnlyList<string> Rows,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<int>> Cells,
    IReadOnlyList<string>? RowTotalKeys = null,
    IReadOnlyList<string>? ColumnTotalKeys = null,
    string? GrandTotalKey = null)
{
    public int RowTotal(int row) => Cells[row].Sum();

    public int ColumnTotal(int column) => Cells.Sum(row => row[column]);

    public int GrandTotal => Cells.Sum(row => row.Sum());
}

/// <summary>
/// A table as it may be published: every count is either shown exactly or hidden (null). A hidden count says nothing
/// about its size: it may be a small count or a larger one hidden so that a small one cannot be worked out.
/// </summary>
public sealed record ProtectedTable(
    string Id,
    IReadOnlyList<string> Rows,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<int?>> Cells,
    IReadOnlyList<int?>? RowTotals,
    IReadOnlyList<int?>? ColumnTotals,
    bool HasGrandTotal,
    int? GrandTotal)
{
    /// <summary>Every published figure, cells and totals alike (hidden ones as null).</summary>
    public IEnumerable<int?> Figures =>
        Cells.SelectMany(row => row).Concat(RowTotals ?? []).Concat(ColumnTotals ?? []).Concat(HasGrandTotal ? [GrandTotal] : []);

    public int? Cell(string row, string column)
    {
        var r = IndexOf(Rows, row);
        var c = IndexOf(Columns, column);
        return r < 0 || c < 0 ? null : Cells[r][c];
    }

    private static int IndexOf(IReadOnlyList<string> keys, string key)
    {
        for (var index = 0; index < keys.Count; index++)
        {
            if (string.Equals(keys[index], key, StringComparison.Ordinal))
            {
                return index;
            }
        }

        return -1;
    }
}
