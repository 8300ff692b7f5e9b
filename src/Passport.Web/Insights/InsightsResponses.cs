using Passport.Application.Insights;
using Passport.Domain.Insights;

namespace Passport.Web.Insights;

public sealed record DemandSupplyResponse(
    string SkillId, int MinimumLevel, int Vacancies, int TotalImportance, double AverageImportance, PeopleCountResponse Supply)
{
    public static DemandSupplyResponse From(DemandSupply row) =>
        new(row.SkillId, row.MinimumLevel, row.Vacancies, row.TotalImportance, row.AverageImportance, PeopleCountResponse.From(row.Supply));
}

public sealed record DemandSupplyGroupResponse(string Name, DemandSupplyResponse[] Rows)
{
    public static DemandSupplyGroupResponse From(DemandSupplyGroup group) => new(group.Name, [.. group.Rows.Select(DemandSupplyResponse.From)]);
}

public sealed record InsightsResponse(
    int PublishedVacancies,
    PeopleCountResponse JobSeekers,
    DemandSupplyResponse[] Skills,
    DemandSupplyGroupResponse[] Sectors,
    DemandSupplyGroupResponse[] Regions)
{
    public static InsightsResponse From(EducationInsights insights) => new(
        insights.PublishedVacancies,
        PeopleCountResponse.From(insights.JobSeekers),
        [.. insights.Skills.Select(DemandSupplyResponse.From)],
        [.. insights.Sectors.Select(DemandSupplyGroupResponse.From)],
        [.. insights.Regions.Select(DemandSupplyGroupResponse.From)]);
}

public sealed record GainResponse(string SkillId, double Levels);

/// <summary>
/// One vacancy's what-if: <c>gained</c> is suppressed below five like any count, and then <c>qualifyingAfter</c>
/// repeats <c>qualifyingNow</c>, so a change of one to four people never shows.
/// </summary>
public sealed record VacancyWhatIfResponse(
    Guid VacancyId, string Title, PeopleCountResponse QualifyingNow, PeopleCountResponse QualifyingAfter, PeopleCountResponse Gained);

public sealed record WhatIfResponse(
    GainResponse[] Gains,
    PeopleCountResponse CandidatesNowQualifying,
    PeopleCountResponse CandidatesQualifyingAfter,
    PeopleCountResponse CandidatesGained,
    int VacanciesGainingCandidates,
    VacancyWhatIfResponse[] PerVacancy)
{
    public static WhatIfResponse From(WhatIfResult result, IReadOnlyList<LevelGain> gains) => new(
        [.. gains.Select(gain => new GainResponse(gain.SkillId, gain.Levels))],
        PeopleCountResponse.From(result.Candidates.Before),
        PeopleCountResponse.From(result.Candidates.After),
        PeopleCountResponse.From(result.Candidates.Change),
        result.VacanciesGainingCandidates,
        [.. result.PerVacancy.Select(vacancy => new VacancyWhatIfResponse(
            vacancy.VacancyId,
            vacancy.Title,
            PeopleCountResponse.From(vacancy.Qualifying.Before),
            PeopleCountResponse.From(vacancy.Qualifying.After),
            PeopleCountResponse.From(vacancy.Qualifying.Change)))]);
}
