namespace Passport.Matching.Cards;

/// <summary>
/// Makes every card of a list read exactly like at least <c>k − 1</c> others of the same list (k-anonymity within the
/// list). Cards whose full facts are already shared by k or more stay as they are; every other card is put in a
/// group with the cards most like it, and each card of a group shows only what is true of all of them
/// (<see cref="CardFacts.Common"/>: a shared value, a range of levels or distance bands, or "held back"). A list
/// shorter than k shows nothing about anyone. Two lists then cannot be joined one-to-one on what their cards show:
/// whatever a card of one list is matched on, at least k cards of its own list fit it just as well.
/// </summary>
public static class LookAlikes
{
    /// <param name="cards">The full facts of each card (<see cref="CardFacts.Of"/>), in rank order.</param>
    /// <param name="k">How many cards at least must read alike; 1 leaves every card full.</param>
    /// <returns>What each card shows, in the same order.</returns>
    public static IReadOnlyList<CardFacts> Generalise(IReadOnlyList<CardFacts> cards, int k)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (cards.Count < k)
        {
            return [.. cards.Select(_ => CardFacts.Nothing)];
        }

        var groups = new List<List<int>>();
        var left = new List<int>();
        foreach (var same in Enumerable.Range(0, cards.Count).GroupBy(i => cards[i].Key, StringComparer.Ordinal))
        {
            if (same.Count() >= k)
            {
                groups.Add([.. same]);
            }
            else
            {
                left.AddRange(same);
            }
        }

        // Best-ranked first: each takes the cards that widen its facts least, so the top of the list keeps the most.
        left.Sort();
        while (left.Count >= k)
        {
            var group = new List<int> { left[0] };
            left.RemoveAt(0);
            while (group.Count < k)
            {
                var best = left.MinBy(i => Common(cards, [.. group, i]).Loss);
                group.Add(best);
                left.Remove(best);
            }

            groups.Add(group);
        }

        // Fewer than k left: each joins the group it widens least.
        foreach (var i in left)
        {
            groups.MinBy(group => Common(cards, [.. group, i]).Loss - Common(cards, group).Loss)!.Add(i);
        }

        var shown = new CardFacts[cards.Count];
        foreach (var group in groups)
        {
            var common = Common(cards, group);
            group.ForEach(i => shown[i] = common);
        }

        return shown;
    }

    private static CardFacts Common(IReadOnlyList<CardFacts> cards, IReadOnlyList<int> group) => CardFacts.Common([.. group.Select(i => cards[i])]);
}
