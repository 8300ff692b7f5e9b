namespace Passport.Domain.Insights;

/// <summary>
/// A count of people as it may leave the platform: below <see cref="Threshold"/> only "fewer than five" is told.
/// </summary>
public readonly record struct PeopleCount(int? Count)
{
    /// <summary>
    /// Small-cell suppression: education partners have no consent to see individuals, and a count of one to four
    /// in a narrow cell (one skill at a high level) can point at a person someone knows; five is the usual floor of
    /// statistics offices.
    /// </summary>
    public const int Threshold = 5;

    public bool Suppressed => Count is null;

    public string Label => Count is { } count ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "<5";

    public static PeopleCount Of(int count) => new(count >= Threshold ? count : null);
}

/// <summary>Demand for one skill at one minimum level against the people who reach it.</summary>
public sealed record DemandSupply(string SkillId, int MinimumLevel, int Vacancies, int TotalImportance, PeopleCount Supply)
{
    public double AverageImportance => Vacancies == 0 ? 0 : Math.Round((double)TotalImportance / Vacancies, 2);
}

/// <summary>The demand-supply rows of one sector or region.</summary>
public sealed record DemandSupplyGroup(string Name, IReadOnlyList<DemandSupply> Rows);

public sealed record EducationInsights(
    int PublishedVacancies,
    PeopleCount JobSeekers,
    IReadOnlyList<DemandSupply> Skills,
    IReadOnlyList<DemandSupplyGroup> Sectors,
    IReadOnlyList<DemandSupplyGroup> Regions);

/// <summary>A vacancy as the insights see it: an id and its requirements (no employer, no person).</summary>
public sealed record DemandVacancy(Guid Id, string Title, string Sector, string Region, IReadOnlyList<Vacancies.VacancySkill> Skills);

/// <summary>A gain in levels of one skill, as a pathway promises it.</summary>
public sealed record LevelGain(string SkillId, double Levels);

public sealed record VacancyWhatIf(Guid VacancyId, string Title, PeopleCount QualifyingNow, PeopleCount QualifyingAfter);

public sealed record WhatIfResult(
    int CandidatesNowQualifying,
    int CandidatesQualifyingAfter,
    int VacanciesGainingCandidates,
    IReadOnlyList<VacancyWhatIf> PerVacancy);
