using Passport.Domain.Insights.Cohort;

namespace Passport.Domain.Tests.Insights;

/// <summary>
/// What someone holding only a published table can work out about its hidden counts. It tries three ways: a line with
/// a single hidden figure (the total minus the rest); bounds narrowed line by line from the shown figures (no count
/// below zero) until they settle; and linear algebra over every line at once (a hidden figure is fixed when it is a
/// combination of the lines' equations). A hidden figure any of them pins down is recovered.
/// Shared by the domain and the web tests (the web tests link this file).
/// </summary>
public static class TableAttack
{
    private const long Unbounded = long.MaxValue / 4;

    /// <summary>Each hidden figure the attack pins down, with how; empty when the table holds.</summary>
    public static IReadOnlyList<string> Recovered(ProtectedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var (values, names, lines) = Structure(table);
        var findings = new List<string>();
        foreach (var line in lines)
        {
            var hidden = line.Where(index => values[index] is null).ToList();
            if (hidden.Count == 1)
            {
                findings.Add($"{table.Id}: {names[hidden[0]]} is the only hidden figure of its line");
            }
            else if (values[line[^1]] is { } total && total - line[..^1].Sum(index => values[index] ?? 0) is > 0 and < DisclosureControl.Threshold)
            {
                findings.Add($"{table.Id}: the hidden figures {string.Join(", ", hidden.Select(index => names[index]))} add up to fewer than five");
            }
        }

        var (low, high) = Bounds(values, lines);
        for (var index = 0; index < values.Count; index++)
        {
            if (values[index] is null && low[index] >= high[index])
            {
                findings.Add($"{table.Id}: {names[index]} is bounded to exactly {low[index]}");
            }
        }

        foreach (var index in Determined(values, lines))
        {
            findings.Add($"{table.Id}: {names[index]} follows from the lines' equations");
        }

        return findings;
    }

    /// <summary>The figures of the table as one list, and its lines: the figures that add up to the line's last one.</summary>
    private static (List<int?> Values, List<string> Names, List<int[]> Lines) Structure(ProtectedTable table)
    {
        var values = new List<int?>();
        var names = new List<string>();
        int Add(int? value, string name)
        {
            values.Add(value);
            names.Add(name);
            return values.Count - 1;
        }

        var cells = table.Rows.Select((row, r) => table.Columns.Select((column, c) => Add(table.Cells[r][c], $"[{row}, {column}]")).ToArray()).ToArray();
        var lines = new List<int[]>();
        int[]? rowTotals = null, columnTotals = null;
        if (table.RowTotals is { } rows)
        {
            rowTotals = [.. table.Rows.Select((row, r) => Add(rows[r], $"[{row}, total]"))];
            lines.AddRange(cells.Select((row, r) => row.Append(rowTotals[r]).ToArray()));
        }

        if (table.ColumnTotals is { } columns)
        {
            columnTotals = [.. table.Columns.Select((column, c) => Add(columns[c], $"[total, {column}]"))];
            lines.AddRange(table.Columns.Select((_, c) => cells.Select(row => row[c]).Append(columnTotals[c]).ToArray()));
        }

        if (table.HasGrandTotal)
        {
            var grand = Add(table.GrandTotal, "[total, total]");
            foreach (var totals in new[] { rowTotals, columnTotals })
            {
                if (totals is not null)
                {
                    lines.Add([.. totals, grand]);
                }
            }
        }

        return (values, names, lines);
    }

    private static (long[] Low, long[] High) Bounds(List<int?> values, List<int[]> lines)
    {
        var low = values.Select(value => (long)(value ?? 0)).ToArray();
        var high = values.Select(value => value is { } shown ? shown : Unbounded).ToArray();
        for (var round = 0; round < 100; round++)
        {
            var changed = false;
            foreach (var line in lines)
            {
                var total = line[^1];
                var parts = line[..^1];
                // total = sum of parts: narrow the total from the parts, and each part from the total and the others.
                changed |= Narrow(total, parts.Sum(index => low[index]), Sum(parts.Select(index => high[index])), low, high);
                foreach (var part in parts)
                {
                    var othersLow = parts.Where(index => index != part).Sum(index => low[index]);
                    var othersHigh = Sum(parts.Where(index => index != part).Select(index => high[index]));
                    var partHigh = high[total] >= Unbounded ? Unbounded : high[total] - othersLow;
                    var partLow = othersHigh >= Unbounded ? 0 : low[total] - othersHigh;
                    changed |= Narrow(part, partLow, partHigh, low, high);
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return (low, high);
    }

    private static long Sum(IEnumerable<long> values) => values.Aggregate(0L, (sum, value) => Math.Min(Unbounded, sum + value));

    private static bool Narrow(int index, long lowest, long highest, long[] low, long[] high)
    {
        var changed = false;
        if (lowest > low[index])
        {
            low[index] = lowest;
            changed = true;
        }

        if (highest < high[index])
        {
            high[index] = highest;
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// The hidden figures the equations fix whatever the others are: those whose unit vector lies in the span of the
    /// lines' equations over the hidden figures (Gaussian elimination; the tables are small).
    /// </summary>
    private static IEnumerable<int> Determined(List<int?> values, List<int[]> lines)
    {
        var hidden = Enumerable.Range(0, values.Count).Where(index => values[index] is null).ToList();
        var column = hidden.Select((index, position) => (index, position)).ToDictionary(pair => pair.index, pair => pair.position);
        var rows = lines.Select(line =>
        {
            var row = new double[hidden.Count];
            foreach (var part in line[..^1].Where(column.ContainsKey))
            {
                row[column[part]] += 1;
            }

            if (column.TryGetValue(line[^1], out var total))
            {
                row[total] -= 1;
            }

            return row;
        }).Where(row => row.Any(value => value != 0)).ToList();
        var rank = Rank(rows);
        foreach (var index in hidden)
        {
            var unit = new double[hidden.Count];
            unit[column[index]] = 1;
            if (Rank([.. rows, unit]) == rank)
            {
                yield return index;
            }
        }
    }

    private static int Rank(List<double[]> source)
    {
        var rows = source.Select(row => (double[])row.Clone()).ToList();
        var rank = 0;
        var width = rows.Count == 0 ? 0 : rows[0].Length;
        for (var column = 0; column < width && rank < rows.Count; column++)
        {
            var pivot = Enumerable.Range(rank, rows.Count - rank).FirstOrDefault(row => Math.Abs(rows[row][column]) > 1e-9, -1);
            if (pivot < 0)
            {
                continue;
            }

            (rows[rank], rows[pivot]) = (rows[pivot], rows[rank]);
            for (var row = 0; row < rows.Count; row++)
            {
                if (row != rank && Math.Abs(rows[row][column]) > 1e-9)
                {
                    var factor = rows[row][column] / rows[rank][column];
                    for (var c = column; c < width; c++)
                    {
                        rows[row][c] -= factor * rows[rank][c];
                    }
                }
            }

            rank++;
        }

        return rank;
    }
}
