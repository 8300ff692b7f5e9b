namespace Passport.Domain.Insights.Cohort;

/// <summary>
/// What a table's published figures still tell about its hidden ones, read as someone with the table would: each line
/// is an equation (its cells add up to its total), no count is below zero. A hidden figure is pinned down when bounds
/// narrowed line by line meet, or when the equations alone fix it (its unit vector lies in the span of the equations
/// over the hidden figures).
/// </summary>
internal static class LinearAudit
{
    private const long Open = long.MaxValue / 4;

    /// <param name="values">Every figure of the table, null where hidden.</param>
    /// <param name="lines">Indexes into <paramref name="values"/>: the first ones add up to the last one.</param>
    public static IEnumerable<int> Pinned(IReadOnlyList<int?> values, IReadOnlyList<int[]> lines)
    {
        var hidden = Enumerable.Range(0, values.Count).Where(index => values[index] is null).ToList();
        if (hidden.Count == 0)
        {
            return [];
        }

        var narrowed = Narrowed(values, lines);
        return hidden.Where(index => narrowed[index].Low == narrowed[index].High).Concat(FixedByEquations(hidden, lines)).Distinct();
    }

    private static (long Low, long High)[] Narrowed(IReadOnlyList<int?> values, IReadOnlyList<int[]> lines)
    {
        var bounds = values.Select(value => value is { } shown ? (Low: (long)shown, High: (long)shown) : (Low: 0L, High: Open)).ToArray();
        bool moved;
        var rounds = 0;
        do
        {
            moved = false;
            foreach (var line in lines)
            {
                var parts = line[..^1];
                var low = parts.Sum(index => bounds[index].Low);
                var high = parts.Aggregate(0L, (sum, index) => Math.Min(Open, sum + bounds[index].High));
                moved |= Tighten(bounds, line[^1], low, high);
                var total = bounds[line[^1]];
                foreach (var part in parts)
                {
                    var othersLow = low - bounds[part].Low;
                    var othersHigh = bounds[part].High >= Open || high >= Open ? Open : high - bounds[part].High;
                    moved |= Tighten(bounds, part, othersHigh >= Open ? 0 : total.Low - othersHigh, total.High >= Open ? Open : total.High - othersLow);
                }
            }
        }
        while (moved && ++rounds < 1000);

        return bounds;
    }

    private static bool Tighten((long Low, long High)[] bounds, int index, long low, long high)
    {
        var (oldLow, oldHigh) = bounds[index];
        bounds[index] = (Math.Max(oldLow, low), Math.Min(oldHigh, high));
        return bounds[index] != (oldLow, oldHigh);
    }

    private static List<int> FixedByEquations(List<int> hidden, IReadOnlyList<int[]> lines)
    {
        var position = hidden.Select((index, at) => (index, at)).ToDictionary(pair => pair.index, pair => pair.at);
        var basis = new List<double[]>();
        foreach (var line in lines)
        {
            var equation = new double[hidden.Count];
            foreach (var part in line[..^1])
            {
                if (position.TryGetValue(part, out var at))
                {
                    equation[at] = 1;
                }
            }

            if (position.TryGetValue(line[^1], out var totalAt))
            {
                equation[totalAt] = -1;
            }

            AddToBasis(basis, equation);
        }

        var fixedOnes = new List<int>();
        for (var at = 0; at < hidden.Count; at++)
        {
            var unit = new double[hidden.Count];
            unit[at] = 1;
            if (Reduce(basis, unit).All(value => Math.Abs(value) < 1e-9))
            {
                fixedOnes.Add(hidden[at]);
            }
        }

        return fixedOnes;
    }

    /// <summary>Keeps <paramref name="basis"/> in echelon form: each vector's leading entry is 1 and no other vector has that column.</summary>
    private static void AddToBasis(List<double[]> basis, double[] vector)
    {
        var reduced = Reduce(basis, vector);
        var lead = Array.FindIndex(reduced, value => Math.Abs(value) > 1e-9);
        if (lead < 0)
        {
            return;
        }

        var scale = reduced[lead];
        for (var column = 0; column < reduced.Length; column++)
        {
            reduced[column] /= scale;
        }

        foreach (var other in basis)
        {
            var factor = other[lead];
            for (var column = 0; column < other.Length; column++)
            {
                other[column] -= factor * reduced[column];
            }
        }

        basis.Add(reduced);
    }

    private static double[] Reduce(List<double[]> basis, double[] vector)
    {
        var rest = (double[])vector.Clone();
        foreach (var row in basis)
        {
            var lead = Array.FindIndex(row, value => Math.Abs(value) > 1e-9);
            var factor = rest[lead];
            for (var column = 0; column < rest.Length; column++)
            {
                rest[column] -= factor * row[column];
            }
        }

        return rest;
    }
}
