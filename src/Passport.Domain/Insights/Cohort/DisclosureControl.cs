namespace Passport.Domain.Insights.Cohort;

/// <summary>
/// Small-cell suppression with complementary suppression, for tables with totals (docs/journeys.md, "The
/// municipality's knowledge base").
/// <list type="number">
/// <item>Primary: every count of one to four people, cell or total, is hidden. A count of nobody (0) is shown: it
/// points at no one, and hiding zeros would only hide that a group is empty.</item>
/// <item>Complementary: a row or column whose total is shown, with exactly one hidden count in it, would give that
/// count away (total minus the others), and so would a line whose hidden counts add up to fewer than five people
/// (their sum is the total minus what is shown; a sum of nobody tells each of them is nobody). In such a line, the
/// smallest shown count is hidden too (a non-zero count first, the total last), and the check runs over every line
/// again until nothing changes. Then <see cref="LinearAudit"/> looks at all lines together, as someone solving the
/// table's equations would, and each figure it can still pin down costs one more hidden figure in its line.</item>
/// <item>Shared totals: a total that several tables show (a district's people, everyone) is hidden in all of them once
/// it is hidden in one, and the tables are protected again, until no table hides a shared total another shows.</item>
/// </list>
/// Limits: it protects against working a count out from the totals of the same tables; it does not model what someone
/// knows from elsewhere; and a hidden count is only kept from being known exactly: its bounds (between zero and the
/// sum of the hidden figures of its line) are public.
/// </summary>
public static class DisclosureControl
{
    /// <summary>Counts from one to this are never published.</summary>
    public const int Threshold = 5;

    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    public static IReadOnlyList<ProtectedTable> Protect(IReadOnlyList<CountTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var grids = tables.Select(table => new Grid(table)).ToList();
        var hiddenKeys = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            foreach (var grid in grids)
            {
                grid.Suppress(hiddenKeys);
            }

            var before = hiddenKeys.Count;
            hiddenKeys.UnionWith(grids.SelectMany(grid => grid.HiddenKeys()));
            if (hiddenKeys.Count == before)
            {
                return [.. grids.Select(grid => grid.Publish())];
            }
        }
    }

    public static ProtectedTable Protect(CountTable table) => Protect([table])[0];

    /// <summary>
    /// A table with its totals as one grid of entries, and its lines: each line is the entries that add up to its
    /// last entry (the total). Suppression only ever grows, so protecting again after more keys are hidden is safe.
    /// </summary>
    private sealed class Grid
    {
        private readonly CountTable _table;
        private readonly List<Entry> _entries = [];
        private readonly List<int[]> _lines = [];
        private readonly int[][] _cells;
        private readonly int[]? _rowTotals;
        private readonly int[]? _columnTotals;
        private readonly int? _grand;

        public Grid(CountTable table)
        {
            ArgumentNullException.ThrowIfNull(table);
            if (table.Cells.Count != table.Rows.Count || table.Cells.Any(row => row.Count != table.Columns.Count))
            {
                throw new ArgumentException($"Table '{table.Id}' has cells that do not fit its rows and columns.", nameof(table));
            }

            if (table.Cells.Any(row => row.Any(count => count < 0)))
            {
                throw new ArgumentException($"Table '{table.Id}' counts fewer than nobody somewhere.", nameof(table));
            }

            _table = table;
            _cells = [.. table.Rows.Select((_, row) => table.Columns.Select((_, column) => Add(table.Cells[row][column], null)).ToArray())];
            if (table.RowTotalKeys is { } rowKeys)
            {
                _rowTotals = [.. table.Rows.Select((_, row) => Add(table.RowTotal(row), rowKeys[row]))];
                _lines.AddRange(table.Rows.Select((_, row) => _cells[row].Append(_rowTotals[row]).ToArray()));
            }

            if (table.ColumnTotalKeys is { } columnKeys)
            {
                _columnTotals = [.. table.Columns.Select((_, column) => Add(table.ColumnTotal(column), columnKeys[column]))];
                _lines.AddRange(table.Columns.Select((_, column) => _cells.Select(row => row[column]).Append(_columnTotals[column]).ToArray()));
            }

            if (table.GrandTotalKey is { } grandKey && (_rowTotals is not null || _columnTotals is not null))
            {
                var grand = Add(table.GrandTotal, grandKey);
                _grand = grand;
                foreach (var totals in new[] { _rowTotals, _columnTotals })
                {
                    if (totals is not null)
                    {
                        _lines.Add([.. totals, grand]);
                    }
                }
            }
        }

        public IEnumerable<string> HiddenKeys() => _entries.Where(entry => entry.Hidden && entry.Key is not null).Select(entry => entry.Key!);

        public void Suppress(HashSet<string> hiddenKeys)
        {
            foreach (var entry in _entries)
            {
                entry.Hidden |= IsSmall(entry.Value) || (entry.Key is { } key && hiddenKeys.Contains(key));
            }

            bool changed;
            do
            {
                changed = false;
                foreach (var line in _lines)
                {
                    if (GivesAway(line) && Complement(line) is { } extra)
                    {
                        extra.Hidden = true;
                        changed = true;
                    }
                }
            }
            while (changed);

            // The line rules look at one line at a time; lines together can still pin a hidden figure down (two rows and
            // a column can add up to what one row cannot). The audit finds those, and each costs one more figure.
            while (LinearAudit.Pinned(_entries.Select(entry => entry.Hidden ? (int?)null : entry.Value).ToList(), _lines).FirstOrDefault(-1) is var pinned and >= 0)
            {
                if (_lines.Where(line => line.Contains(pinned)).Select(Complement).FirstOrDefault(entry => entry is not null) is { } extra)
                {
                    extra.Hidden = true;
                }
                else
                {
                    // Nothing shown around it is left to hide; hiding the whole table is the one safe answer left.
                    _entries.ForEach(entry => entry.Hidden = true);
                }
            }
        }

        public ProtectedTable Publish() => new(
            _table.Id,
            _table.Rows,
            _table.Columns,
            [.. _cells.Select(row => (IReadOnlyList<int?>)[.. row.Select(Shown)])],
            _rowTotals is null ? null : [.. _rowTotals.Select(Shown)],
            _columnTotals is null ? null : [.. _columnTotals.Select(Shown)],
            _grand is not null,
            _grand is { } grand ? Shown(grand) : null);

        private int? Shown(int index) => _entries[index].Hidden ? null : _entries[index].Value;

        private int Add(int value, string? key)
        {
            _entries.Add(new Entry(value, key));
            return _entries.Count - 1;
        }

        /// <summary>
        /// Whether the line's hidden counts can be worked out: one alone, or, with the total shown, a sum of one to four
        /// people (the total minus what is shown).
        /// </summary>
        private bool GivesAway(int[] line)
        {
            var hidden = line.Where(index => _entries[index].Hidden).ToList();
            if (hidden.Count == 0)
            {
                return false;
            }

            if (hidden.Count == 1)
            {
                return true;
            }

            var total = line[^1];
            return !_entries[total].Hidden && hidden.Sum(index => _entries[index].Value) < Threshold;
        }

        /// <summary>The smallest shown count above zero among the cells of the line, else a zero, else its total.</summary>
        private Entry? Complement(int[] line)
        {
            var shown = line[..^1].Select(index => _entries[index]).Where(entry => !entry.Hidden).ToList();
            return shown.Where(entry => entry.Value > 0).MinBy(entry => entry.Value)
                ?? shown.FirstOrDefault()
                ?? (_entries[line[^1]] is { Hidden: false } total ? total : null);
        }
    }

    private sealed class Entry(int value, string? key)
    {
        public int Value { get; } = value;

        public string? Key { get; } = key;

        public bool Hidden { get; set; }
    }
}
