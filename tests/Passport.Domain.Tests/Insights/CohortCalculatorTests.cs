using Passport.Domain.Insights.Cohort;
using Passport.Domain.Journeys;
using Passport.Domain.Plans;

namespace Passport.Domain.Tests.Insights;

public sealed class CohortCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly ValueInputs Costs = new(20000m, 0m, 8000m, 1, "EUR");

    private static CohortPerson Person(
        string? district = "North", int? birthYear = 2005, DateOnly? planStarted = null, string[]? barriers = null,
        Dictionary<string, int>? levels = null, params CohortEvent[] events) =>
        new(birthYear, district, events, planStarted, barriers ?? [], levels ?? []);

    private static List<CohortPerson> Many(int count, Func<CohortPerson> person) => [.. Enumerable.Range(0, count).Select(_ => person())];

    private static CohortInsights Compute(IReadOnlyList<CohortPerson> people, IReadOnlyList<CohortHandover>? handovers = null) =>
        CohortCalculator.Compute(people, handovers ?? [], ["teamwork", "planning"], Today, TimeSpan.FromDays(14), Costs);

    [Fact]
    public void Compute_StatusByDistrict_CountsCurrentStatusFromTheJourney()
    {
        var people = Many(6, () => Person("North", events: [new(new(2025, 1, 1), JourneyEventKind.StartedSchool)]))
            .Concat(Many(7, () => Person("North", events: [new(new(2025, 1, 1), JourneyEventKind.StartedSchool), new(new(2026, 6, 1), JourneyEventKind.StartedWork)])))
            .Concat(Many(8, () => Person("South")))
            .ToList();

        var table = Compute(people).Table(CohortCalculator.StatusByDistrict);

        Assert.Equal(["North", "South"], table.Rows);
        Assert.Equal(6, table.Cell("North", "school"));
        Assert.Equal(7, table.Cell("North", "work"));
        Assert.Equal(8, table.Cell("South", "unknown"));
        Assert.Equal(21, table.GrandTotal);
    }

    [Fact]
    public void Compute_PeopleWithoutHomePlace_AreCountedInTheUnknownDistrictLast()
    {
        var people = Many(5, () => Person(null)).Concat(Many(5, () => Person("Aa"))).ToList();

        var table = Compute(people).Table(CohortCalculator.AgeByDistrict);

        Assert.Equal(["Aa", CohortCalculator.Unknown], table.Rows);
    }

    [Theory]
    [InlineData(2010, "under-18")]
    [InlineData(2006, "18-20")]
    [InlineData(2003, "21-23")]
    [InlineData(2000, "24-26")]
    [InlineData(1990, "27-plus")]
    [InlineData(null, "unknown")]
    public void AgeBand_ByBirthYear_IsTheAgeReachedThisYear(int? birthYear, string band) =>
        Assert.Equal(band, CohortCalculator.AgeBand(birthYear, 2026));

    [Fact]
    public void Compute_SmallCounts_AreNeverPublishedInAnyTable()
    {
        var people = Many(9, () => Person("North", 2004, new DateOnly(2025, 1, 1), [PlanBarriers.Housing], new() { ["teamwork"] = 3 }, new CohortEvent(new(2025, 6, 1), JourneyEventKind.StartedWork)))
            .Concat(Many(2, () => Person("South", 2009, new DateOnly(2025, 3, 1), [PlanBarriers.Money, PlanBarriers.Health], new() { ["planning"] = 2 })))
            .Concat(Many(6, () => Person("East", 1999, events: new CohortEvent(new(2026, 11, 10), JourneyEventKind.LeftSchool))))
            .ToList();
        var handovers = new[] { new CohortHandover("North", "Completed", new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero)) };

        var insights = Compute(people, handovers);

        Assert.All(insights.Tables, table =>
        {
            Assert.DoesNotContain(table.Figures, figure => figure is > 0 and < DisclosureControl.Threshold);
            Assert.Empty(TableAttack.Recovered(table));
        });
    }

    [Fact]
    public void Compute_Flows_CountWhoMovedIntoWhichStatusEachMonth()
    {
        var people = Many(5, () => Person(events: new CohortEvent(new(2026, 11, 15), JourneyEventKind.StartedWork)))
            .Concat(Many(5, () => Person()))
            .ToList();

        var table = Compute(people).Table(CohortCalculator.FlowsByMonth);

        Assert.Equal("2026-12", table.Rows[^1]);
        Assert.Equal(5, table.Cell("2026-11", "into-work"));
        Assert.Equal(5, table.Cell("2026-11", "unchanged"));
        Assert.Equal(10, table.Cell("2026-12", "unchanged"));
        Assert.Equal(10, table.RowTotals![^1]);
    }

    [Fact]
    public void Compute_Outcomes_CountStatusMonthsAfterThePlanStartedAndTheShareInWorkOrSchool()
    {
        // Plans started eight months ago: counted at 3 and 6 months, not yet at 12.
        var started = new DateOnly(2026, 4, 1);
        var people = Many(6, () => Person(planStarted: started, events: new CohortEvent(new(2026, 5, 1), JourneyEventKind.StartedWork)))
            .Concat(Many(6, () => Person(planStarted: started, events: new CohortEvent(new(2026, 9, 1), JourneyEventKind.StartedSchool))))
            .ToList();

        var insights = Compute(people);
        var table = insights.Table(CohortCalculator.OutcomesAfterPlanStart);

        Assert.Equal(6, table.Cell("after-3-months", "work"));
        Assert.Equal(6, table.Cell("after-3-months", "unknown"));
        Assert.Equal(6, table.Cell("after-6-months", "school"));
        Assert.Equal(0, table.RowTotals![2]);
        Assert.Equal([50, 100, null], insights.Outcomes.Select(outcome => outcome.Percent));
    }

    [Fact]
    public void Compute_Handovers_WarmWhenMetWithinTheWindowColdWhenLateDeclinedOrExpired()
    {
        var consented = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var handovers = Enumerable.Range(0, 5).Select(_ => new CohortHandover("North", "Completed", consented, consented.AddDays(14)))
            .Concat(Enumerable.Range(0, 2).Select(_ => new CohortHandover("North", "Completed", consented, consented.AddDays(15))))
            .Concat(Enumerable.Range(0, 2).Select(_ => new CohortHandover("North", "Declined", consented, null)))
            .Concat(Enumerable.Range(0, 1).Select(_ => new CohortHandover("North", "Expired", null, null)))
            .Concat(Enumerable.Range(0, 3).Select(_ => new CohortHandover("North", "Withdrawn", null, null)))
            .ToList();

        var table = Compute([.. Many(5, () => Person())], handovers).Table(CohortCalculator.HandoversByDistrict);

        Assert.Equal(5, table.Cell("North", "warm"));
        Assert.Equal(5, table.Cell("North", "cold"));
    }

    [Fact]
    public void Compute_Barriers_CountPeopleNamingEachBarrierPerDistrict()
    {
        var people = Many(5, () => Person("North", barriers: [PlanBarriers.Housing, PlanBarriers.Money])).Concat(Many(6, () => Person("South", barriers: [PlanBarriers.Housing]))).ToList();

        var table = Compute(people).Table(CohortCalculator.BarriersByDistrict);

        Assert.Equal(5, table.Cell(PlanBarriers.Housing, "North"));
        Assert.Equal(6, table.Cell(PlanBarriers.Housing, "South"));
        Assert.Equal(11, table.RowTotals![PlanBarriers.All.ToList().IndexOf(PlanBarriers.Housing)]);
        Assert.Equal(0, table.Cell(PlanBarriers.Transport, "North"));
    }

    [Fact]
    public void Compute_SkillLevels_CountPeoplePerMeasuredLevel()
    {
        var people = Many(5, () => Person(levels: new() { ["teamwork"] = 4 })).Concat(Many(5, () => Person())).ToList();

        var table = Compute(people).Table(CohortCalculator.SkillLevels);

        Assert.Equal(5, table.Cell("teamwork", "level-4"));
        Assert.Equal(5, table.RowTotals![0]);
        Assert.Equal(0, table.RowTotals![1]);
    }

    [Fact]
    public void Compute_Value_CountsPeopleWhoMovedIntoWorkOrEducationAfterTheirPlanStarted()
    {
        var people = Many(5, () => Person(planStarted: new(2026, 1, 1), events: new CohortEvent(new(2026, 5, 1), JourneyEventKind.StartedWork)))
            .Concat(Many(6, () => Person(planStarted: new(2026, 1, 1), events: new CohortEvent(new(2026, 5, 1), JourneyEventKind.StartedSchool))))
            // Already in work when the plan started: not moved by it.
            .Concat(Many(5, () => Person(planStarted: new(2026, 1, 1), events: new CohortEvent(new(2025, 5, 1), JourneyEventKind.StartedWork))))
            .ToList();

        var value = Compute(people).Value;

        Assert.Equal(5, value.MovedIntoWork);
        Assert.Equal(6, value.MovedIntoEducation);
        Assert.Equal((5 * 20000m) + (6 * 12000m), value.Value);
        Assert.False(value.IsLowerBound);
    }

    [Fact]
    public void ValueEstimate_HiddenCount_AddsNothingAndMarksALowerBound()
    {
        var value = ValueEstimate.Of(new ValueInputs(20000m, 0m, 8000m, 2, "EUR"), null, 10);

        Assert.Equal(10 * 12000m * 2, value.Value);
        Assert.True(value.IsLowerBound);
    }
}
