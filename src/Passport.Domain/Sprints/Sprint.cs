using Passport.Domain.Localization;
using Passport.Domain.Measurement;

namespace Passport.Domain.Sprints;

/// <summary>A short game-like round of items about a few skills; a session presents at most <see cref="MaxItems"/>.</summary>
public sealed class Sprint
{
    private readonly Dictionary<string, SprintItem> _items;

    public Sprint(
        string id,
        LocalizedText title,
        LocalizedText description,
        IReadOnlyList<string> skills,
        int estimatedMinutes,
        int maxItems,
        double targetStandardError,
        IReadOnlyList<SprintItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Id = id;
        Title = title;
        Description = description;
        Skills = skills;
        EstimatedMinutes = estimatedMinutes;
        MaxItems = maxItems;
        TargetStandardError = targetStandardError;
        Items = items;
        _items = items.ToDictionary(item => item.Id, StringComparer.Ordinal);
        Mechanics = [.. items.Select(item => item.Kind).Distinct().Order()];
        Pool = [.. items.Select(item => item.AsCandidate())];
    }

    public string Id { get; }

    public LocalizedText Title { get; }

    public LocalizedText Description { get; }

    public IReadOnlyList<string> Skills { get; }

    public int EstimatedMinutes { get; }

    public int MaxItems { get; }

    public double TargetStandardError { get; }

    public IReadOnlyList<SprintItem> Items { get; }

    public IReadOnlyList<ItemKind> Mechanics { get; }

    /// <summary>The items as the adaptive selector sees them, in authoring order.</summary>
    public IReadOnlyList<CandidateItem> Pool { get; }

    public SelectionOptions SelectionOptions => new(TargetStandardError, MaxItems);

    public bool TryGetItem(string itemId, out SprintItem item) => _items.TryGetValue(itemId, out item!);
}
