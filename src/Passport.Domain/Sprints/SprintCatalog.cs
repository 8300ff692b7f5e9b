namespace Passport.Domain.Sprints;

/// <summary>Every sprint, by id, and every item, by its id (unique across sprints).</summary>
public sealed class SprintCatalog
{
    private readonly Dictionary<string, Sprint> _sprints;
    private readonly Dictionary<string, SprintItem> _items;

    public SprintCatalog(IEnumerable<Sprint> sprints)
    {
        ArgumentNullException.ThrowIfNull(sprints);
        All = [.. sprints.OrderBy(sprint => sprint.Id, StringComparer.Ordinal)];
        _sprints = new Dictionary<string, Sprint>(StringComparer.Ordinal);
        _items = new Dictionary<string, SprintItem>(StringComparer.Ordinal);
        foreach (var sprint in All)
        {
            if (!_sprints.TryAdd(sprint.Id, sprint))
            {
                throw new ArgumentException($"Sprint '{sprint.Id}' appears twice.", nameof(sprints));
            }

            foreach (var item in sprint.Items)
            {
                if (!_items.TryAdd(item.Id, item))
                {
                    throw new ArgumentException($"Item '{item.Id}' appears in more than one sprint.", nameof(sprints));
                }
            }
        }
    }

    public IReadOnlyList<Sprint> All { get; }

    public bool TryGet(string? id, out Sprint sprint)
    {
        if (id is not null && _sprints.TryGetValue(id, out var found))
        {
            sprint = found;
            return true;
        }

        sprint = null!;
        return false;
    }

    /// <summary>Any item of any sprint; stored responses name only the item, so the passport can re-score them.</summary>
    public bool TryGetItem(string? itemId, out SprintItem item)
    {
        if (itemId is not null && _items.TryGetValue(itemId, out var found))
        {
            item = found;
            return true;
        }

        item = null!;
        return false;
    }
}
