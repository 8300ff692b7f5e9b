namespace Passport.Domain.Insights;

/// <summary>
/// A count of people as it may leave the platform: below <see cref="Threshold"/> only "fewer than five" is told, and
/// every other count is rounded to the nearest multiple of <see cref="Base"/>. Every count of people that leaves the
/// server goes through <see cref="Of"/> (docs/privacy.md, "Small numbers").
/// </summary>
public readonly record struct PeopleCount(int? Count)
{
    /// <summary>
    /// Small-cell suppression: a count of one to four in a narrow cell (one skill at a high level) can point at a
    /// person someone knows; five is the usual floor of statistics offices.
    /// </summary>
    public const int Threshold = 5;

    /// <summary>
    /// Rounding base. Two exact counts published side by side give away their difference: 12 and 14 tell that two
    /// people differ, though each count is safe. Rounded to fives, any two published counts differ by 0 or by 5 or
    /// more, so no difference of one to four people can be worked out from them, whichever two are subtracted.
    /// </summary>
    public const int Base = 5;

    public bool Suppressed => Count is null;

    public string Label => Count is { } count ? count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "<5";

    /// <summary>Suppressed below five (including zero), else rounded to the nearest five (8 to 12 show as 10).</summary>
    public static PeopleCount Of(int count) => new(count >= Threshold ? (count + (Base / 2)) / Base * Base : null);
}

/// <summary>
/// A count before and after a change, and the change, as they may leave the platform. The change is a count of people
/// too: below five it is suppressed, and then the figure after repeats the figure before, so "12 now, 14 after" never
/// shows a change of two, not even as two rounded figures.
/// </summary>
public readonly record struct PeopleChange(PeopleCount Before, PeopleCount After, PeopleCount Change)
{
    public static PeopleChange Of(int before, int after)
    {
        var shownBefore = PeopleCount.Of(before);
        var change = PeopleCount.Of(Math.Abs(after - before));
        return new PeopleChange(shownBefore, change.Suppressed ? shownBefore : PeopleCount.Of(after), change);
    }
}

/// <summary>Demand for one skill at one minimum level against the people who reach it.</summary>
public sealed record DemandSupply(string SkillId, int MinimumLevel, int Vacancies, int TotalImportance, PeopleCount Supply)
{
    public double AverageImportance => Vacancies == 0 ? 0 : Math.Round((double)TotalImportance / Vacancies, 2);

    /// <summary>
    /// How far the people who reach this level fall short of the vacancies that ask for it: vacancies minus people as
    /// shown, a suppressed count ("fewer than five") taken as none. Above zero there are fewer people than vacancies.
    /// </summary>
    public int Gap => Vacancies - (Supply.Count ?? 0);
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

/// <summary>How many people reach one vacancy now and after the gains, as they may be shown (<see cref="PeopleChange"/>).</summary>
public sealed record VacancyWhatIf(Guid VacancyId, string Title, PeopleChange Qualifying);

/// <summary>
/// A what-if as it may be shown: people reaching at least one vacancy now and after, per vacancy the same, and how
/// many vacancies at least five more people would reach (a smaller gain is not shown, so it is not counted either).
/// </summary>
public sealed record WhatIfResult(PeopleChange Candidates, int VacanciesGainingCandidates, IReadOnlyList<VacancyWhatIf> PerVacancy);
