using Passport.Domain.Measurement;

namespace Passport.Domain.Insights;

/// <summary>
/// Demand (published vacancies' requirements) against supply (job seekers' measured levels), and the what-if of a
/// pathway's gains. Pure: one pass over the people per question, fine for many thousands of people.
/// </summary>
public static class InsightsCalculator
{
    public static EducationInsights Compute(IReadOnlyList<DemandVacancy> vacancies, SupplyMatrix supply)
    {
        ArgumentNullException.ThrowIfNull(vacancies);
        ArgumentNullException.ThrowIfNull(supply);
        var reaching = CountReaching(supply);
        return new EducationInsights(
            vacancies.Count,
            PeopleCount.Of(supply.People),
            Rows(vacancies, supply, reaching),
            [.. vacancies.GroupBy(vacancy => vacancy.Sector, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => new DemandSupplyGroup(group.Key, Rows([.. group], supply, reaching)))],
            [.. vacancies.GroupBy(vacancy => vacancy.Region, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => new DemandSupplyGroup(group.Key, Rows([.. group], supply, reaching)))]);
    }

    /// <summary>
    /// Rows by the size of the gap (<see cref="DemandSupply.Gap"/>), the largest shortage of people first, so a school
    /// reads first where a pathway would help most; equal gaps by more vacancies, then by skill and level.
    /// </summary>
    public static IReadOnlyList<DemandSupply> ByGap(IEnumerable<DemandSupply> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows
            .OrderByDescending(row => row.Gap)
            .ThenByDescending(row => row.Vacancies)
            .ThenBy(row => row.SkillId, StringComparer.Ordinal)
            .ThenBy(row => row.MinimumLevel)];
    }

    /// <summary>
    /// How many people reach each vacancy's threshold (every required skill measured at or above its minimum) now and
    /// after the gains; a skill never measured stays unmet, since a pathway's gain needs a starting level. Only
    /// suppressed and rounded counts come out (<see cref="PeopleChange"/>).
    /// </summary>
    public static WhatIfResult WhatIf(IReadOnlyList<DemandVacancy> vacancies, SupplyMatrix supply, IReadOnlyList<LevelGain> gains)
    {
        ArgumentNullException.ThrowIfNull(vacancies);
        ArgumentNullException.ThrowIfNull(supply);
        ArgumentNullException.ThrowIfNull(gains);
        var delta = new double[supply.SkillIds.Count];
        foreach (var gain in gains)
        {
            var column = supply.ColumnOf(gain.SkillId);
            if (column >= 0)
            {
                delta[column] += gain.Levels;
            }
        }

        // A requirement on a skill outside the matrix can never be met: column -1 marks it.
        var requirements = vacancies
            .Select(vacancy => vacancy.Skills.Select(skill => (Column: supply.ColumnOf(skill.SkillId), skill.MinimumLevel)).ToArray())
            .ToArray();
        var now = new int[vacancies.Count];
        var after = new int[vacancies.Count];
        var peopleNow = 0;
        var peopleAfter = 0;
        foreach (var person in supply.Rows)
        {
            bool anyNow = false, anyAfter = false;
            for (var index = 0; index < requirements.Length; index++)
            {
                if (Meets(person, requirements[index], null))
                {
                    now[index]++;
                    anyNow = true;
                }

                if (Meets(person, requirements[index], delta))
                {
                    after[index]++;
                    anyAfter = true;
                }
            }

            peopleNow += anyNow ? 1 : 0;
            peopleAfter += anyAfter ? 1 : 0;
        }

        var perVacancy = vacancies
            .Select((vacancy, index) => new VacancyWhatIf(vacancy.Id, vacancy.Title, PeopleChange.Of(now[index], after[index])))
            .ToList();
        var gaining = perVacancy.Count(vacancy => !vacancy.Qualifying.Change.Suppressed);
        return new WhatIfResult(PeopleChange.Of(peopleNow, peopleAfter), gaining, perVacancy);
    }

    private static bool Meets(double[] person, (int Column, int MinimumLevel)[] requirements, double[]? delta)
    {
        if (requirements.Length == 0)
        {
            return false;
        }

        foreach (var (column, minimum) in requirements)
        {
            if (column < 0 || double.IsNaN(person[column]))
            {
                return false;
            }

            var ability = person[column] + (delta?[column] ?? 0);
            if (AbilityEstimate.LevelOf(ability) < minimum)
            {
                return false;
            }
        }

        return true;
    }

    // reaching[column][level] = people whose measured level in the skill is at least level (index 1..5).
    private static int[][] CountReaching(SupplyMatrix supply)
    {
        var reaching = supply.SkillIds.Select(_ => new int[AbilityEstimate.HighestLevel + 1]).ToArray();
        foreach (var person in supply.Rows)
        {
            for (var column = 0; column < person.Length; column++)
            {
                if (double.IsNaN(person[column]))
                {
                    continue;
                }

                var level = AbilityEstimate.LevelOf(person[column]);
                for (var reached = AbilityEstimate.LowestLevel; reached <= level; reached++)
                {
                    reaching[column][reached]++;
                }
            }
        }

        return reaching;
    }

    private static List<DemandSupply> Rows(IEnumerable<DemandVacancy> vacancies, SupplyMatrix supply, int[][] reaching) =>
        [.. vacancies
            .SelectMany(vacancy => vacancy.Skills)
            .GroupBy(skill => (skill.SkillId, skill.MinimumLevel))
            .OrderBy(group => group.Key.SkillId, StringComparer.Ordinal).ThenBy(group => group.Key.MinimumLevel)
            .Select(group =>
            {
                var column = supply.ColumnOf(group.Key.SkillId);
                var level = Math.Clamp(group.Key.MinimumLevel, AbilityEstimate.LowestLevel, AbilityEstimate.HighestLevel);
                var people = column < 0 ? 0 : reaching[column][level];
                return new DemandSupply(group.Key.SkillId, group.Key.MinimumLevel, group.Count(), group.Sum(skill => skill.Importance), PeopleCount.Of(people));
            })];
}
