using Passport.Domain.Measurement;
using Passport.Domain.Sprints;

namespace Passport.Domain.Insights;

/// <summary>
/// Per-person ability vectors (one estimate per skill, <see cref="double.NaN"/> where nothing was measured), without
/// any person id: the insights only ever count rows of this matrix.
/// </summary>
public sealed class SupplyMatrix
{
    private readonly Dictionary<string, int> _columns;
    private readonly List<double[]> _people = [];

    public SupplyMatrix(IEnumerable<string> skillIds)
    {
        ArgumentNullException.ThrowIfNull(skillIds);
        SkillIds = [.. skillIds.Distinct(StringComparer.Ordinal)];
        _columns = SkillIds.Select((id, index) => (id, index)).ToDictionary(pair => pair.id, pair => pair.index, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> SkillIds { get; }

    public int People => _people.Count;

    public IReadOnlyList<double[]> Rows => _people;

    public int ColumnOf(string skillId) => _columns.TryGetValue(skillId, out var column) ? column : -1;

    /// <summary>Adds one person from their measured ability per skill (skills outside the matrix are ignored).</summary>
    public void Add(IReadOnlyDictionary<string, double> abilities)
    {
        ArgumentNullException.ThrowIfNull(abilities);
        var row = new double[SkillIds.Count];
        Array.Fill(row, double.NaN);
        foreach (var (skillId, ability) in abilities)
        {
            if (_columns.TryGetValue(skillId, out var column))
            {
                row[column] = ability;
            }
        }

        _people.Add(row);
    }

    /// <summary>Adds one person from their measured levels (1–5), placed at the middle of each level's band.</summary>
    public void AddLevels(IReadOnlyDictionary<string, int> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        Add(levels.ToDictionary(pair => pair.Key, pair => ThetaOfLevel(pair.Value), StringComparer.Ordinal));
    }

    /// <summary>
    /// Re-estimates every person's abilities from their scored answers, as the job seeker grain does, in one pass over
    /// answers grouped by person. Answers must arrive grouped by person (for example ordered by user id).
    /// </summary>
    public static SupplyMatrix FromAnswers<TPerson>(
        IEnumerable<string> skillIds, IEnumerable<(TPerson Person, string ItemId, int Category)> answers, SprintCatalog sprints)
        where TPerson : IEquatable<TPerson>
    {
        ArgumentNullException.ThrowIfNull(sprints);
        return FromAnswers(skillIds, answers, itemId => sprints.TryGetItem(itemId, out var item) ? (item.SkillId, item.Model) : null);
    }

    /// <summary>As above, with items looked up by <paramref name="itemOf"/> (null for an item no longer in content).</summary>
    public static SupplyMatrix FromAnswers<TPerson>(
        IEnumerable<string> skillIds, IEnumerable<(TPerson Person, string ItemId, int Category)> answers,
        Func<string, (string SkillId, IResponseModel Model)?> itemOf)
        where TPerson : IEquatable<TPerson>
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(itemOf);
        var matrix = new SupplyMatrix(skillIds);
        var estimates = new PersonEstimates<TPerson>(itemOf);
        foreach (var (person, itemId, category) in answers)
        {
            if (estimates.Add(person, itemId, category) is { } finished)
            {
                matrix.Add(finished.Skills);
            }
        }

        if (estimates.Finish() is { } last)
        {
            matrix.Add(last.Skills);
        }

        return matrix;
    }

    private void Add(Dictionary<string, AbilityEstimate> skills) =>
        Add(skills.ToDictionary(pair => pair.Key, pair => pair.Value.Estimate, StringComparer.Ordinal));

    /// <summary>The ability in the middle of a level's band, so a gain of one level moves exactly one level.</summary>
    public static double ThetaOfLevel(int level) =>
        AbilityEstimate.LevelCutPoints[0] - 0.5 + (Math.Clamp(level, AbilityEstimate.LowestLevel, AbilityEstimate.HighestLevel) - 1);
}
