using Passport.Domain.Journeys;
using Passport.Domain.Measurement;
using Passport.Domain.Plans;

namespace Passport.Domain.Insights.Cohort;

/// <summary>
/// The municipality's cohort dashboard (docs/journeys.md, "The municipality's knowledge base"): counts of everyone in
/// the deployment by district, status, age band, barrier, skill level; flows between statuses month by month; outcomes
/// after a plan starts; warm against cold hand-overs; all through <see cref="DisclosureControl"/> together, so a
/// total shared by two tables is hidden in both or in neither.
/// </summary>
public static class CohortCalculator
{
    public const string StatusByDistrict = "status-by-district";
    public const string AgeByDistrict = "age-by-district";
    public const string BarriersByDistrict = "barriers-by-district";
    public const string SkillLevels = "skill-levels";
    public const string FlowsByMonth = "flows-by-month";
    public const string OutcomesAfterPlanStart = "outcomes-after-plan-start";
    public const string HandoversByDistrict = "handovers-by-district";
    public const string MovedIntoWorkOrEducation = "moved-into-work-or-education";

    /// <summary>The row or column of people without a home place (or without a birth year).</summary>
    public const string Unknown = "unknown";

    public const string Everyone = "all";

    public static IReadOnlyList<int> OutcomeMonths { get; } = [3, 6, 12];

    /// <summary>Age bands by age reached this year (a birth year is all that is known), the last one open.</summary>
    public static IReadOnlyList<string> AgeBands { get; } = ["under-18", "18-20", "21-23", "24-26", "27-plus", Unknown];

    public static IReadOnlyList<JourneyStatus> Statuses { get; } =
        [JourneyStatus.School, JourneyStatus.Work, JourneyStatus.Activity, JourneyStatus.Looking, JourneyStatus.Unknown];

    /// <summary>Columns of the flows: into which status people moved that month, or no change.</summary>
    public static IReadOnlyList<string> FlowColumns { get; } = ["into-school", "into-work", "into-activity", "into-looking", "unchanged"];

    public static IReadOnlyList<string> HandoverColumns { get; } = ["warm", "cold"];

    public static CohortInsights Compute(
        IReadOnlyList<CohortPerson> people, IReadOnlyList<CohortHandover> handovers, IReadOnlyList<string> skillIds,
        DateOnly today, TimeSpan warmWithin, ValueInputs value)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(handovers);
        ArgumentNullException.ThrowIfNull(skillIds);
        var districts = people.Select(person => DistrictKey(person.District))
            .Concat(handovers.Select(handover => DistrictKey(handover.District)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(district => district == Unknown ? 1 : 0).ThenBy(district => district, StringComparer.Ordinal)
            .ToList();
        var districtTotals = districts.Select(district => $"district:{district}").ToList();
        var statusKeys = Statuses.Select(Key).ToList();
        var tables = new List<CountTable>
        {
            new(StatusByDistrict, districts, statusKeys,
                Count(districts, statusKeys, people.Select(person => (DistrictKey(person.District), Key(person.StatusOn(today))))),
                districtTotals, [.. statusKeys.Select(status => $"status:{status}")], Everyone),
            new(AgeByDistrict, districts, AgeBands,
                Count(districts, AgeBands, people.Select(person => (DistrictKey(person.District), AgeBand(person.BirthYear, today.Year)))),
                districtTotals, [.. AgeBands.Select(band => $"age:{band}")], Everyone),
            // One person can name several barriers: a district's column does not add up to people, its rows do.
            new(BarriersByDistrict, PlanBarriers.All, districts,
                Count(PlanBarriers.All, districts, people.SelectMany(person => person.Barriers.Distinct(StringComparer.Ordinal).Select(barrier => (barrier, DistrictKey(person.District))))),
                [.. PlanBarriers.All.Select(barrier => $"barrier:{barrier}")]),
            new(SkillLevels, skillIds, Levels,
                Count(skillIds, Levels, people.SelectMany(person => person.SkillLevels.Select(pair => (pair.Key, LevelKey(pair.Value))))),
                [.. skillIds.Select(skill => $"skill:{skill}")]),
            Flows(people, today),
            Outcomes(people, today),
            Handovers(handovers, districts, warmWithin),
            Moved(people, today),
        };
        var published = DisclosureControl.Protect(tables);
        var outcomes = published.Single(table => table.Id == OutcomesAfterPlanStart);
        var moved = published.Single(table => table.Id == MovedIntoWorkOrEducation);
        return new CohortInsights(
            today,
            published,
            [.. OutcomeMonths.Select((months, row) => new OutcomeShare(months, Share(outcomes, row)))],
            ValueEstimate.Of(value, moved.Cells[0][0], moved.Cells[0][1]));
    }

    public static string Key(JourneyStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The age band of someone born in <paramref name="birthYear"/>, by the age they reach in <paramref name="year"/>.</summary>
    public static string AgeBand(int? birthYear, int year) => (year - birthYear) switch
    {
        null => Unknown,
        < 18 => AgeBands[0],
        <= 20 => AgeBands[1],
        <= 23 => AgeBands[2],
        <= 26 => AgeBands[3],
        _ => AgeBands[4],
    };

    private static IReadOnlyList<string> Levels { get; } =
        [.. Enumerable.Range(AbilityEstimate.LowestLevel, AbilityEstimate.HighestLevel - AbilityEstimate.LowestLevel + 1).Select(LevelKey)];

    private static string LevelKey(int level) => $"level-{level}";

    private static string DistrictKey(string? district) => string.IsNullOrWhiteSpace(district) ? Unknown : district;

    private static List<IReadOnlyList<int>> Count(IReadOnlyList<string> rows, IReadOnlyList<string> columns, IEnumerable<(string Row, string Column)> people)
    {
        var cells = rows.Select(_ => new int[columns.Count]).ToArray();
        var rowOf = Index(rows);
        var columnOf = Index(columns);
        foreach (var (row, column) in people)
        {
            // A barrier or skill no longer in the lists (or a level out of range) is not counted rather than guessed.
            if (rowOf.TryGetValue(row, out var r) && columnOf.TryGetValue(column, out var c))
            {
                cells[r][c]++;
            }
        }

        return [.. cells];
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> keys)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var position = 0; position < keys.Count; position++)
        {
            index.TryAdd(keys[position], position);
        }

        return index;
    }

    /// <summary>
    /// Month by month over the last twelve, where each person's status went: the status at the end of the month
    /// (today for this month) against the end of the month before. Each month's row adds up to everyone.
    /// </summary>
    private static CountTable Flows(IReadOnlyList<CohortPerson> people, DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var months = Enumerable.Range(0, 12).Select(back => thisMonth.AddMonths(back - 11)).ToList();
        var rows = months.Select(month => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var moves = people.SelectMany(person => months.Select((month, index) =>
        {
            var end = month.AddMonths(1).AddDays(-1);
            var before = person.StatusOn(month.AddDays(-1));
            var after = person.StatusOn(end < today ? end : today);
            return (rows[index], after == before ? FlowColumns[^1] : $"into-{Key(after)}");
        }));
        return new CountTable(FlowsByMonth, rows, FlowColumns, Count(rows, FlowColumns, moves),
            [.. rows.Select(_ => Everyone)], [.. FlowColumns.Select(column => $"flows:{column}")]);
    }

    /// <summary>Status 3, 6 and 12 months after each plan started, among the plans that started at least that long ago.</summary>
    private static CountTable Outcomes(IReadOnlyList<CohortPerson> people, DateOnly today)
    {
        var rows = OutcomeMonths.Select(months => $"after-{months}-months").ToList();
        var statusKeys = Statuses.Select(Key).ToList();
        var outcomes = people.Where(person => person.PlanStartedOn is not null).SelectMany(person => OutcomeMonths
            .Select((months, index) => (Index: index, On: person.PlanStartedOn!.Value.AddMonths(months)))
            .Where(outcome => outcome.On <= today)
            .Select(outcome => (rows[outcome.Index], Key(person.StatusOn(outcome.On)))));
        return new CountTable(OutcomesAfterPlanStart, rows, statusKeys, Count(rows, statusKeys, outcomes), [.. rows.Select(row => $"outcomes:{row}")]);
    }

    private static CountTable Handovers(IReadOnlyList<CohortHandover> handovers, IReadOnlyList<string> districts, TimeSpan warmWithin)
    {
        var decided = handovers.Select(handover => (District: DistrictKey(handover.District), Warm: handover.IsWarm(warmWithin)))
            .Where(handover => handover.Warm is not null)
            .Select(handover => (handover.District, handover.Warm!.Value ? HandoverColumns[0] : HandoverColumns[1]));
        return new CountTable(HandoversByDistrict, districts, HandoverColumns, Count(districts, HandoverColumns, decided),
            [.. districts.Select(district => $"handovers:{district}")], [.. HandoverColumns.Select(column => $"handovers:{column}")], "handovers:all");
    }

    /// <summary>
    /// People whose plan started while they were neither at school nor in work, and who are in work (or at school)
    /// now: the value estimate counts these. No totals, so each count stands alone.
    /// </summary>
    private static CountTable Moved(IReadOnlyList<CohortPerson> people, DateOnly today)
    {
        var moved = people
            .Where(person => person.PlanStartedOn is { } started && person.StatusOn(started) is not (JourneyStatus.Work or JourneyStatus.School))
            .Select(person => person.StatusOn(today))
            .Where(status => status is JourneyStatus.Work or JourneyStatus.School)
            .Select(status => ("moved", status == JourneyStatus.Work ? "work" : "education"));
        return new CountTable(MovedIntoWorkOrEducation, ["moved"], ["work", "education"], Count(["moved"], ["work", "education"], moved));
    }

    private static int? Share(ProtectedTable outcomes, int row)
    {
        var school = outcomes.Cells[row][Statuses.ToList().IndexOf(JourneyStatus.School)];
        var work = outcomes.Cells[row][Statuses.ToList().IndexOf(JourneyStatus.Work)];
        return outcomes.RowTotals![row] is { } total and > 0 && school is { } atSchool && work is { } inWork
            ? (int)Math.Round(100m * (atSchool + inWork) / total, MidpointRounding.AwayFromZero)
            : null;
    }
}
