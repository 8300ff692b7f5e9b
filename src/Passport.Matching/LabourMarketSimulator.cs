using System.Collections.ObjectModel;
using System.Globalization;

namespace Passport.Matching;

/// <summary>The simulator's hidden protected attribute; lives only in its ground truth, never in a profile.</summary>
public enum ProtectedGroup
{
    A,
    B,
}

/// <summary>Knobs of <see cref="LabourMarketSimulator"/>; the defaults make the cold-start and evaluation set.</summary>
public sealed record SimulationOptions
{
    public int Seed { get; init; } = 20261123;

    public int Candidates { get; init; } = 2000;

    public int Vacancies { get; init; } = 120;

    /// <summary>Applicants per vacancy: the pairs that get an outcome.</summary>
    public int PoolSize { get; init; } = 40;

    /// <summary>Utility bonus in the hidden model for experience in the vacancy's sector.</summary>
    public double SectorExperienceBonus { get; init; } = 0.5;

    /// <summary>Extra measurement error of group B, as when people of one group have played fewer sprints.</summary>
    public double GroupBExtraStandardError { get; init; } = 0.15;

    /// <summary>Standard deviation of the employer's own noise on top of the hidden utility.</summary>
    public double OutcomeNoise { get; init; } = 0.35;
}

/// <summary>A simulated market: profiles, the outcome of every applicant pair and the hidden ground truth.</summary>
public sealed class SimulatedMarket
{
    internal SimulatedMarket(
        IReadOnlyList<CandidateProfile> candidates,
        IReadOnlyList<VacancyProfile> vacancies,
        IReadOnlyList<LabelledPair> outcomes,
        IReadOnlyDictionary<string, ProtectedGroup> groups)
    {
        Candidates = candidates;
        Vacancies = vacancies;
        Outcomes = outcomes;
        Groups = groups;
    }

    public IReadOnlyList<CandidateProfile> Candidates { get; }

    public IReadOnlyList<VacancyProfile> Vacancies { get; }

    /// <summary>Every applicant pair with its outcome, grouped by vacancy in vacancy order.</summary>
    public IReadOnlyList<LabelledPair> Outcomes { get; }

    /// <summary>Ground truth only, for the fairness audit: candidate ref → protected group.</summary>
    public IReadOnlyDictionary<string, ProtectedGroup> Groups { get; }

    /// <summary>Splits the outcomes by vacancy (never a vacancy on both sides), reproducibly for a seed.</summary>
    public (IReadOnlyList<LabelledPair> Training, IReadOnlyList<LabelledPair> HeldOut) SplitByVacancy(double heldOutShare, int seed)
    {
        if (heldOutShare is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(heldOutShare), "Must be between 0 and 1.");
        }

        var random = new Random(seed);
        var refs = Vacancies.Select(v => v.VacancyRef).ToArray();
        random.Shuffle(refs);
        var heldOut = refs.Take(Math.Max(1, (int)Math.Round(refs.Length * heldOutShare))).ToHashSet(StringComparer.Ordinal);
        return (
            Outcomes.Where(p => !heldOut.Contains(p.Vacancy.VacancyRef)).ToList(),
            Outcomes.Where(p => heldOut.Contains(p.Vacancy.VacancyRef)).ToList());
    }
}

/// <summary>
/// A seeded, reproducible labour market for the cold start and the evaluation. Candidates have true skill levels;
/// their passports show noisy measurements of them. Employers' outcomes follow a hidden utility of the same kind of
/// signals a ranker sees (true rather than measured levels against the vacancy's profile, must-haves, distance,
/// hours, sector experience) plus noise. The protected group changes only the measurement error, never the utility.
/// </summary>
public static class LabourMarketSimulator
{
    public static readonly ReadOnlyCollection<string> Sectors =
        new(["energy-transition", "healthcare", "technical-industry", "logistics", "hospitality"]);

    public static readonly ReadOnlyCollection<string> Certificates =
        new(["safety-vca", "forklift", "first-aid", "food-hygiene"]);

    // Eindhoven, Rotterdam, Copenhagen, Oslo: candidates and vacancies cluster around a few cities.
    private static readonly GeoPoint[] Cities =
        [new(51.4416, 5.4697), new(51.9244, 4.4777), new(55.6761, 12.5683), new(59.9139, 10.7522)];

    private static readonly double[] Hours = [16, 24, 32, 36, 40];

    public static SimulatedMarket Generate(IReadOnlyList<string> skillIds, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(skillIds);
        options ??= new SimulationOptions();
        if (skillIds.Count == 0 || options.Candidates < 1 || options.Vacancies < 1 || options.PoolSize < 1)
        {
            throw new ArgumentException("Needs skills, candidates, vacancies and a pool size of at least one.", nameof(options));
        }

        var random = new Random(options.Seed);
        var truths = new List<(CandidateProfile Profile, double[] TrueLevels, int City)>(options.Candidates);
        var groups = new Dictionary<string, ProtectedGroup>(StringComparer.Ordinal);
        for (var c = 0; c < options.Candidates; c++)
        {
            var group = random.NextDouble() < 0.5 ? ProtectedGroup.A : ProtectedGroup.B;
            var general = Normal(random) * 0.6;
            var trueLevels = new double[skillIds.Count];
            var skills = new Dictionary<string, SkillMeasure>(StringComparer.Ordinal);
            for (var s = 0; s < skillIds.Count; s++)
            {
                trueLevels[s] = Math.Clamp(3 + general + (Normal(random) * 0.8), 1, 5);
                var error = 0.3 + (random.NextDouble() * 0.4) + (group == ProtectedGroup.B ? options.GroupBExtraStandardError : 0);
                var estimate = Math.Clamp(trueLevels[s] + (Normal(random) * error), 1, 5);
                if (random.NextDouble() < 0.85)
                {
                    skills[skillIds[s]] = new SkillMeasure((int)Math.Round(estimate), Math.Round(estimate, 3), Math.Round(error, 3));
                }
            }

            var city = random.Next(Cities.Length);
            var experience = Sectors.Where(_ => random.NextDouble() < 0.3).ToHashSet(StringComparer.Ordinal);
            var certificates = Certificates.Where(_ => random.NextDouble() < 0.3).ToHashSet(StringComparer.Ordinal);
            var reference = string.Create(CultureInfo.InvariantCulture, $"c{c:D6}");
            var profile = new CandidateProfile(reference, skills, experience, certificates, Near(random, Cities[city], 0.15), Hours[random.Next(Hours.Length)]);
            truths.Add((profile, trueLevels, city));
            groups[reference] = group;
        }

        var byCity = Enumerable.Range(0, Cities.Length).Select(city => truths.Where(t => t.City == city).ToArray()).ToArray();
        var vacancies = new List<VacancyProfile>(options.Vacancies);
        var outcomes = new List<LabelledPair>(options.Vacancies * options.PoolSize);
        for (var v = 0; v < options.Vacancies; v++)
        {
            var asked = Enumerable.Range(0, skillIds.Count).ToArray();
            random.Shuffle(asked);
            var requirements = asked.Take(Math.Min(skillIds.Count, 3 + random.Next(3)))
                .Select(s => new SkillRequirement(skillIds[s], 1 + random.Next(3), 2 + random.Next(3)))
                .ToList();
            var mustHaves = random.NextDouble() < 0.3 ? new List<string> { Certificates[random.Next(Certificates.Count)] } : [];
            var city = random.Next(Cities.Length);
            var vacancy = new VacancyProfile(
                string.Create(CultureInfo.InvariantCulture, $"v{v:D5}"),
                Sectors[random.Next(Sectors.Count)],
                requirements,
                mustHaves,
                Near(random, Cities[city], 0.1),
                Hours[random.Next(Hours.Length)]);
            vacancies.Add(vacancy);

            // Applicants come mostly from the vacancy's own region.
            var local = byCity[city].Length > 0 ? byCity[city] : truths.ToArray();
            var pool = local.OrderBy(_ => random.Next()).Take(options.PoolSize).ToList();
            var scored = pool
                .Select(t => (t.Profile, Utility: HiddenUtility(t.Profile, t.TrueLevels, vacancy, skillIds, options) + (Normal(random) * options.OutcomeNoise)))
                .OrderByDescending(p => p.Utility)
                .ToList();
            for (var rank = 0; rank < scored.Count; rank++)
            {
                outcomes.Add(new LabelledPair(vacancy, scored[rank].Profile, OutcomeForRank(rank, scored.Count)));
            }
        }

        return new SimulatedMarket(truths.Select(t => t.Profile).ToList(), vacancies, outcomes, groups);
    }

    /// <summary>One hire, two interviews, four on the shortlist, the next 30 % viewed, the rest rejected.</summary>
    private static Outcome OutcomeForRank(int rank, int poolSize) => rank switch
    {
        0 => Outcome.Hired,
        < 3 => Outcome.Interviewed,
        < 7 => Outcome.Shortlisted,
        _ when rank < 7 + (int)Math.Ceiling(poolSize * 0.3) => Outcome.Viewed,
        _ => Outcome.Rejected,
    };

    private static double HiddenUtility(CandidateProfile candidate, double[] trueLevels, VacancyProfile vacancy, IReadOnlyList<string> skillIds, SimulationOptions options)
    {
        double total = 0, fit = 0, shortfall = 0;
        foreach (var requirement in vacancy.Skills)
        {
            var level = trueLevels[IndexOf(skillIds, requirement.SkillId)];
            var gap = level - requirement.MinimumLevel;
            total += requirement.Importance;
            // Surplus helps with diminishing returns; a shortfall hurts more than a surplus helps.
            fit += requirement.Importance * (gap >= 0 ? Math.Sqrt(gap) : 0);
            shortfall += requirement.Importance * Math.Max(0, -gap);
        }

        var norm = Math.Max(1, total);
        var distance = FeatureSchema.DistanceKmOf(candidate, vacancy);
        return (fit / norm)
            - (2.0 * shortfall / norm)
            - (3.0 * (1 - FeatureSchema.MustHaveCoverageOf(candidate, vacancy)))
            - (distance > 25 ? 0.04 * (distance - 25) : 0)
            - (0.05 * FeatureSchema.HoursMismatchOf(candidate, vacancy))
            + (candidate.ExperienceCategories.Contains(vacancy.Sector) ? options.SectorExperienceBonus : 0);
    }

    private static int IndexOf(IReadOnlyList<string> skillIds, string id)
    {
        for (var i = 0; i < skillIds.Count; i++)
        {
            if (string.Equals(skillIds[i], id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"Unknown skill '{id}'.", nameof(id));
    }

    private static GeoPoint Near(Random random, GeoPoint centre, double spreadDegrees) =>
        new(Math.Round(centre.Latitude + (Normal(random) * spreadDegrees), 5), Math.Round(centre.Longitude + (Normal(random) * spreadDegrees * 1.6), 5));

    /// <summary>Standard normal draw (Box-Muller), so the stream depends only on the seed.</summary>
    internal static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
