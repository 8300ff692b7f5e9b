namespace Passport.Matching.Candidates;

public static class EvenSample
{
    /// <summary>
    /// About <paramref name="size"/> items spread evenly over <paramref name="items"/> (every n-th), skipping those
    /// <paramref name="keep"/> refuses: a cheap stand-in for the whole list's average, without copying it.
    /// </summary>
    public static List<TResult> Of<T, TResult>(IReadOnlyList<T> items, int size, Func<T, TResult> select, Func<T, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(select);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var step = Math.Max(1, items.Count / size);
        var sample = new List<TResult>(Math.Min(size, items.Count));
        for (var i = 0; i < items.Count && sample.Count < size; i += step)
        {
            if (keep is null || keep(items[i]))
            {
                sample.Add(select(items[i]));
            }
        }

        return sample;
    }
}
