using System.ComponentModel.DataAnnotations;

namespace Passport.Matching;

/// <summary>Settings of matching (section <c>Matching</c>); every value has a default fit for production.</summary>
public sealed class MatchingOptions
{
    public const string SectionName = "Matching";

    /// <summary>
    /// Candidates the vectorised first stage passes to the learned re-rank. Recall@20 against re-ranking everyone
    /// eligible is ≥ 0.95 at ~2,000 out of 100,000 (docs/benchmarks.md); out of a few hundred, 400 keep practically all.
    /// </summary>
    [Range(20, 5000)]
    public int ShortlistSize { get; set; } = 2000;

    /// <summary>Candidates who live further away than this are not shown for a vacancy.</summary>
    [Range(1, 1000)]
    public double MaxDistanceKm { get; set; } = 60;

    [Range(1, 100)]
    public int DefaultTop { get; set; } = 20;

    [Range(1, 100)]
    public int MaxTop { get; set; } = 100;

    /// <summary>
    /// Each card of an employer's list shows only what at least this many cards of the same list show alike
    /// (<see cref="Cards.LookAlikes"/>), so two lists cannot be joined one-to-one; 1 switches it off.
    /// </summary>
    [Range(1, 20)]
    public int CardLookAlikes { get; set; } = 2;

    /// <summary>How old the candidate pool may get before a request re-reads the passports changed since; zero re-reads on every request.</summary>
    public TimeSpan PoolRefresh { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a host checks which model is active (another host or the CLI may have promoted one).</summary>
    public TimeSpan ModelCheck { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the background job retrains from recorded outcomes; zero switches the job off.</summary>
    public TimeSpan RetrainEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Vacancies with at least two different recorded outcomes needed before retraining is tried.</summary>
    [Range(3, 100000)]
    public int MinimumOutcomeVacancies { get; set; } = 10;

    /// <summary>Seed of the simulated market the first model is trained on when no model exists.</summary>
    public int ColdStartSeed { get; set; } = 20261123;
}
