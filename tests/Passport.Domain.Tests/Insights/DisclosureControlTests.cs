using Passport.Domain.Insights.Cohort;

namespace Passport.Domain.Tests.Insights;

public sealed class DisclosureControlTests
{
    private static CountTable Table(int[][] cells, bool rowTotals = true, bool columnTotals = true, string prefix = "t") => new(
        prefix,
        [.. cells.Select((_, row) => $"r{row}")],
        [.. cells[0].Select((_, column) => $"c{column}")],
        [.. cells.Select(row => (IReadOnlyList<int>)row)],
        rowTotals ? [.. cells.Select((_, row) => $"{prefix}:row:{row}")] : null,
        columnTotals ? [.. cells[0].Select((_, column) => $"{prefix}:column:{column}")] : null,
        rowTotals || columnTotals ? $"{prefix}:all" : null);

    private static void AssertSafe(ProtectedTable table)
    {
        Assert.DoesNotContain(table.Figures, figure => figure is > 0 and < DisclosureControl.Threshold);
        Assert.Empty(TableAttack.Recovered(table));
    }

    [Fact]
    public void Protect_NoSmallCounts_PublishesEverythingExactly()
    {
        var table = DisclosureControl.Protect(Table([[10, 20], [30, 0]]));

        Assert.Equal([10, 20], table.Cells[0]);
        Assert.Equal([30, 0], table.Cells[1]);
        Assert.Equal([30, 30], table.RowTotals!);
        Assert.Equal([40, 20], table.ColumnTotals!);
        Assert.Equal(60, table.GrandTotal);
    }

    [Fact]
    public void Protect_ZeroCell_IsShown()
    {
        var table = DisclosureControl.Protect(Table([[0, 12], [7, 9]]));

        Assert.Equal(0, table.Cells[0][0]);
    }

    [Fact]
    public void Protect_OneSmallCell_HidesItAndEnoughOthersThatNoneCanBeWorkedOut()
    {
        var table = DisclosureControl.Protect(Table([[3, 20, 11], [8, 9, 30], [15, 6, 12]]));

        Assert.Null(table.Cells[0][0]);
        // With 3 hidden alone in its row, 20 - 3 ... the row total would give it away: another cell of the row goes too,
        // and likewise in its column.
        Assert.True(table.Cells[0].Count(cell => cell is null) >= 2);
        Assert.True(table.Cells.Count(row => row[0] is null) >= 2);
        AssertSafe(table);
    }

    [Fact]
    public void Protect_SmallTotal_IsHiddenAndCannotBeAddedUpAgain()
    {
        var table = DisclosureControl.Protect(Table([[2, 1, 0], [10, 12, 8], [9, 7, 6]]));

        Assert.Null(table.RowTotals![0]);
        AssertSafe(table);
    }

    [Fact]
    public void Protect_TwoSmallCellsInALine_HidesMoreThanTheirSmallSum()
    {
        // 1 and 2 hidden together in a row still add up to 3, which the row total minus the 40 would tell.
        var table = DisclosureControl.Protect(Table([[1, 2, 40], [20, 30, 10]]));

        Assert.Null(table.Cells[0][2]);
        AssertSafe(table);
    }

    [Fact]
    public void Protect_RowTotalsOnly_ProtectsRowsAndTheirTotal()
    {
        var table = DisclosureControl.Protect(Table([[3, 9, 10], [6, 7, 8]], columnTotals: false));

        Assert.Null(table.ColumnTotals);
        AssertSafe(table);
    }

    [Fact]
    public void Protect_SharedTotalHiddenInOneTable_IsHiddenInTheOtherToo()
    {
        // Both tables count the same rows (say districts); the first hides row 0's total (4 people).
        var byStatus = new CountTable("status", ["north", "south"], ["work", "school"], [[4, 0], [10, 12]], ["district:north", "district:south"], ["status:work", "status:school"], "all");
        var byAge = new CountTable("age", ["north", "south"], ["young", "old"], [[2, 2], [11, 11]], ["district:north", "district:south"], ["age:young", "age:old"], "all");

        var tables = DisclosureControl.Protect([byStatus, byAge]);

        Assert.All(tables, table => Assert.Null(table.RowTotals![0]));
        // A total hidden in one and shown in the other would let each table's hiding be undone with the other's total.
        Assert.Equal(tables[0].RowTotals![1], tables[1].RowTotals![1]);
        Assert.Equal(tables[0].GrandTotal, tables[1].GrandTotal);
        Assert.All(tables, AssertSafe);
    }

    [Fact]
    public void Protect_EverythingSmall_HidesEverything()
    {
        var table = DisclosureControl.Protect(Table([[1, 1], [1, 1]]));

        Assert.All(table.Figures, figure => Assert.Null(figure));
    }

    [Fact]
    public void Protect_NegativeCount_IsRefused() =>
        Assert.Throws<ArgumentException>(() => DisclosureControl.Protect(Table([[-1, 5]])));

    [Fact]
    public void Protect_RaggedCells_AreRefused() =>
        Assert.Throws<ArgumentException>(() => DisclosureControl.Protect(new CountTable("t", ["a", "b"], ["x", "y"], [[1, 2], [3]])));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Protect_RandomTables_NeverPublishSmallCountsNorRecoverableHiddenOnes(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 400; round++)
        {
            var rows = random.Next(1, 6);
            var columns = random.Next(1, 6);
            // Many small counts and zeros, as a cohort split by district and status gives in a small municipality.
            var cells = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns).Select(_ => random.Next(4) == 0 ? random.Next(0, 5) : random.Next(0, 25)).ToArray()).ToArray();
            var table = DisclosureControl.Protect(Table(cells, rowTotals: random.Next(4) > 0, columnTotals: random.Next(4) > 0));

            AssertSafe(table);
        }
    }

    [Fact]
    public void TableAttack_UnprotectedTableWithOneHiddenCell_RecoversIt()
    {
        // The attack must be able to fail a table: hiding only the small cell gives it away through its row total.
        var naive = new ProtectedTable("naive", ["a", "b"], ["x", "y"], [[null, 20], [10, 10]], [23, 20], [13, 30], true, 43);

        Assert.NotEmpty(TableAttack.Recovered(naive));
    }

    [Fact]
    public void TableAttack_HiddenRectangle_IsNotRecovered()
    {
        // Four hidden cells on a rectangle can each move by one against the others: no figure is fixed.
        var table = new ProtectedTable("rect", ["a", "b"], ["x", "y"], [[null, null], [null, null]], [23, 20], [13, 30], true, 43);

        Assert.Empty(TableAttack.Recovered(table));
    }
}
