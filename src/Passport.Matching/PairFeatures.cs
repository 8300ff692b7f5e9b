using System.Collections.ObjectModel;

namespace Passport.Matching;

/// <summary>One named feature of a pair; <see cref="SkillId"/> is set for the per-skill terms.</summary>
public sealed record FeatureInfo(string Name, string? SkillId);

/// <summary>
/// The fixed layout of <see cref="PairFeatures"/> for one skills framework: seven pair-level features, whether the
/// candidate has experience in the vacancy's sector, then per skill (in the given order) the importance x level term,
/// the importance-weighted shortfall below the minimum and the candidate's plain level estimate (the last lets
/// outcomes that favour a skill the vacancy did not list still be learned).
/// </summary>
public sealed class FeatureSchema
{
    public const string Surplus = "weighted_surplus";
    public const string Deficit = "weighted_deficit";
    public const string BelowMinimum = "skills_below_minimum";
    public const string Uncertainty = "weighted_uncertainty";
    public const string MustHaveCoverage = "must_have_coverage";
    public const string DistanceKm = "distance_km";
    public const string HoursMismatch = "hours_mismatch";
    public const string SectorExperience = "sector_experience";
    public const string ImportanceTimesLevel = "importance_x_level";
    public const string Shortfall = "weighted_shortfall";
    public const string Level = "level";

    /// <summary>Estimate and standard error assumed for a skill the passport has not measured: the lowest level,
    /// and an error as wide as the scale, so "not measured" never looks like "measured and fine".</summary>
    public const double UnmeasuredEstimate = 1.0;
    public const double UnmeasuredStandardError = 2.0;

    /// <summary>The distance assumed for a candidate who did not say where they live.</summary>
    public const double UnknownDistanceKm = 25.0;

    /// <summary>The hours mismatch assumed for a candidate who did not say how many hours they want.</summary>
    public const double UnknownHoursMismatch = 8.0;

    private const int PairLevelCount = 8;
    private const int PerSkillCount = 3;

    private readonly Dictionary<string, int> _skillIndex;

    public FeatureSchema(IEnumerable<string> skillIds)
    {
        ArgumentNullException.ThrowIfNull(skillIds);
        var ids = skillIds.ToList();
        if (ids.Count == 0 || ids.Distinct(StringComparer.Ordinal).Count() != ids.Count || ids.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Give at least one skill id, each once and not blank.", nameof(skillIds));
        }

        SkillIds = ids.AsReadOnly();
        _skillIndex = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var features = new List<FeatureInfo>
        {
            new(Surplus, null),
            new(Deficit, null),
            new(BelowMinimum, null),
            new(Uncertainty, null),
            new(MustHaveCoverage, null),
            new(DistanceKm, null),
            new(HoursMismatch, null),
            new(SectorExperience, null),
        };
        foreach (var id in ids)
        {
            features.Add(new(ImportanceTimesLevel, id));
            features.Add(new(Shortfall, id));
            features.Add(new(Level, id));
        }

        Features = features.AsReadOnly();
        FeatureNames = features.Select(f => f.SkillId is null ? f.Name : $"{f.Name}:{f.SkillId}").ToList().AsReadOnly();
    }

    public ReadOnlyCollection<string> SkillIds { get; }

    public ReadOnlyCollection<FeatureInfo> Features { get; }

    /// <summary>Unique names, per-skill ones as <c>name:skillId</c>.</summary>
    public ReadOnlyCollection<string> FeatureNames { get; }

    public int Count => Features.Count;

    public int IndexOf(string name, string? skillId = null)
    {
        if (skillId is null)
        {
            var i = FeatureNames.IndexOf(name);
            return i >= 0 ? i : throw new ArgumentException($"Unknown feature '{name}'.", nameof(name));
        }

        return _skillIndex.TryGetValue(skillId, out var s)
            ? PairLevelCount + (s * PerSkillCount) + name switch
            {
                ImportanceTimesLevel => 0,
                Shortfall => 1,
                Level => 2,
                _ => throw new ArgumentException($"'{name}' is not a per-skill feature.", nameof(name)),
            }
            : throw new ArgumentException($"Unknown skill '{skillId}'.", nameof(skillId));
    }

    public PairFeatures Compute(CandidateProfile candidate, VacancyProfile vacancy)
    {
        var values = new float[Count];
        ComputeInto(candidate, vacancy, values);
        return new PairFeatures(this, values);
    }

    /// <summary>Writes the features into <paramref name="destination"/> (length <see cref="Count"/>), for batch use.</summary>
    public void ComputeInto(CandidateProfile candidate, VacancyProfile vacancy, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(vacancy);
        if (destination.Length != Count)
        {
            throw new ArgumentException($"Needs exactly {Count} values.", nameof(destination));
        }

        destination.Clear();
        double totalImportance = 0, surplus = 0, deficit = 0, uncertainty = 0;
        var below = 0;
        foreach (var requirement in vacancy.Skills)
        {
            if (!_skillIndex.TryGetValue(requirement.SkillId, out var s))
            {
                throw new ArgumentException($"Vacancy {vacancy.VacancyRef} asks unknown skill '{requirement.SkillId}'.", nameof(vacancy));
            }

            if (requirement.Importance is < 0 or > 3 || requirement.MinimumLevel is < 1 or > 5)
            {
                throw new ArgumentOutOfRangeException(nameof(vacancy), $"Vacancy {vacancy.VacancyRef}: importance must be 0..3 and minimum level 1..5 ({requirement.SkillId}).");
            }

            var (estimate, error) = Measure(candidate, requirement.SkillId);
            var gap = estimate - requirement.MinimumLevel;
            var importance = requirement.Importance;
            totalImportance += importance;
            surplus += importance * Math.Max(0, gap);
            deficit += importance * Math.Max(0, -gap);
            uncertainty += importance * error;
            if (gap < 0 && importance > 0)
            {
                below++;
            }

            var offset = PairLevelCount + (s * PerSkillCount);
            destination[offset] = (float)(importance * estimate);
            destination[offset + 1] = (float)(importance * Math.Max(0, -gap));
        }

        for (var s = 0; s < SkillIds.Count; s++)
        {
            destination[PairLevelCount + (s * PerSkillCount) + 2] = (float)Measure(candidate, SkillIds[s]).Estimate;
        }

        // Normalised by total importance so a vacancy listing many skills is not favoured over one listing few.
        var norm = totalImportance > 0 ? totalImportance : 1;
        destination[0] = (float)(surplus / norm);
        destination[1] = (float)(deficit / norm);
        destination[2] = below;
        destination[3] = (float)(totalImportance > 0 ? uncertainty / norm : 0);
        destination[4] = (float)MustHaveCoverageOf(candidate, vacancy);
        destination[5] = (float)DistanceKmOf(candidate, vacancy);
        destination[6] = (float)HoursMismatchOf(candidate, vacancy);
        destination[7] = candidate.ExperienceCategories.Contains(vacancy.Sector) ? 1f : 0f;
    }

    /// <summary>
    /// Travel distance in km; for a candidate who did not say where they live, <see cref="UnknownDistanceKm"/>, a
    /// distance that neither helps nor hurts (travel starts to count beyond it).
    /// </summary>
    public static double DistanceKmOf(CandidateProfile candidate, VacancyProfile vacancy)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(vacancy);
        return candidate.Location is { } home ? Geo.DistanceKm(home, vacancy.Location) : UnknownDistanceKm;
    }

    /// <summary>
    /// Hours per week between what the candidate wants and the job; <see cref="UnknownHoursMismatch"/> when they did
    /// not say, so saying nothing is neither the best nor the worst fit.
    /// </summary>
    public static double HoursMismatchOf(CandidateProfile candidate, VacancyProfile vacancy)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(vacancy);
        return candidate.HoursWanted is { } hours ? Math.Abs(hours - vacancy.HoursPerWeek) : UnknownHoursMismatch;
    }

    /// <summary>Share of the vacancy's must-haves the candidate holds; 1 when it has none.</summary>
    public static double MustHaveCoverageOf(CandidateProfile candidate, VacancyProfile vacancy)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(vacancy);
        return vacancy.MustHaves.Count == 0
            ? 1.0
            : vacancy.MustHaves.Count(candidate.Qualifications.Contains) / (double)vacancy.MustHaves.Count;
    }

    private static (double Estimate, double StandardError) Measure(CandidateProfile candidate, string skillId) =>
        candidate.Skills.TryGetValue(skillId, out var measure)
            ? (measure.Estimate, measure.StandardError)
            : (UnmeasuredEstimate, UnmeasuredStandardError);
}

/// <summary>The feature vector of one (candidate, vacancy) pair, laid out by its <see cref="Schema"/>.</summary>
public sealed class PairFeatures
{
    private readonly float[] _values;

    internal PairFeatures(FeatureSchema schema, float[] values)
    {
        Schema = schema;
        _values = values;
    }

    public FeatureSchema Schema { get; }

    public ReadOnlySpan<float> Values => _values;

    public float this[int index] => _values[index];

    public float this[string name, string? skillId = null] => _values[Schema.IndexOf(name, skillId)];
}
