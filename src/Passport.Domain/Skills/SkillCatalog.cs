namespace Passport.Domain.Skills;

/// <summary>The skills framework, in its authored order.</summary>
public sealed class SkillCatalog
{
    private readonly Dictionary<string, Skill> _byId;

    public SkillCatalog(IEnumerable<Skill> skills)
    {
        ArgumentNullException.ThrowIfNull(skills);
        All = [.. skills];
        _byId = new Dictionary<string, Skill>(StringComparer.Ordinal);
        foreach (var skill in All)
        {
            if (!_byId.TryAdd(skill.Id, skill))
            {
                throw new ArgumentException($"Skill '{skill.Id}' appears twice.", nameof(skills));
            }
        }
    }

    public IReadOnlyList<Skill> All { get; }

    public bool IsKnown(string? id) => id is not null && _byId.ContainsKey(id);

    public Skill Get(string id) =>
        _byId.TryGetValue(id, out var skill) ? skill : throw new KeyNotFoundException($"Unknown skill '{id}'.");
}
