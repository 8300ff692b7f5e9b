using Passport.Domain.Insights;

namespace Passport.Application.Insights;

/// <summary>
/// What the insights count, read once per request: the published vacancies (demand) and every job seeker's measured
/// abilities without any person id (supply). Both questions run the domain's one calculation on it.
/// </summary>
public sealed record InsightsData(IReadOnlyList<DemandVacancy> Demand, SupplyMatrix Supply)
{
    /// <summary>Demand against supply, for the vacancies that pass <paramref name="include"/> (all when null).</summary>
    public EducationInsights Compute(Func<DemandVacancy, bool>? include = null) =>
        InsightsCalculator.Compute(include is null ? Demand : [.. Demand.Where(include)], Supply);

    /// <summary>How many more people would reach how many vacancies with these gains.</summary>
    public WhatIfResult WhatIf(IReadOnlyList<LevelGain> gains) => InsightsCalculator.WhatIf(Demand, Supply, gains);
}
