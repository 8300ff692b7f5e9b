using Microsoft.Extensions.Options;
using Passport.Domain.Skills;

namespace Passport.Matching.Candidates;

/// <summary>
/// A fixed sample of simulated candidates (seeded; where they live and the hours they want left unsaid), the
/// "typical candidate" to compare with while the real pool is too small: reasons say what raised or lowered
/// someone against typical candidates, and a job seeker's fit is a percentile among them.
/// </summary>
public sealed class TypicalCandidates(SkillCatalog skills, IOptions<MatchingOptions> options)
{
    /// <summary>Below this many real candidates, the comparison is topped up with typical ones.</summary>
    public const int Enough = 50;

    private const int SampleSize = 200;

    private readonly Lazy<IReadOnlyList<CandidateProfile>> _sample = new(() =>
        [.. LabourMarketSimulator
            .Generate([.. skills.All.Select(skill => skill.Id)], new SimulationOptions { Seed = options.Value.ColdStartSeed, Candidates = SampleSize, Vacancies = 1, PoolSize = 1 })
            .Candidates
            .Select(candidate => candidate with { Location = null, HoursWanted = null })]);

    public IReadOnlyList<CandidateProfile> Sample => _sample.Value;

    /// <summary><paramref name="real"/> if there are enough of them, else topped up with the typical sample.</summary>
    public IReadOnlyList<CandidateProfile> TopUp(IReadOnlyList<CandidateProfile> real)
    {
        ArgumentNullException.ThrowIfNull(real);
        return real.Count >= Enough ? real : [.. real, .. Sample];
    }
}
