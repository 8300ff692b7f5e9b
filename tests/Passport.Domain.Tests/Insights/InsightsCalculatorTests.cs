using Passport.Domain.Insights;
using Passport.Domain.Measurement;
using Passport.Domain.Vacancies;

namespace Passport.Domain.Tests.Insights;

public sealed class InsightsCalculatorTests
{
    private static readonly string[] SkillIds = ["teamwork", "planning", "reliability"];

    private static SupplyMatrix People(params (int Count, Dictionary<string, int> Levels)[] groups)
    {
        var matrix = new SupplyMatrix(SkillIds);
        foreach (var (count, levels) in groups)
        {
            for (var person = 0; person < count; person++)
            {
                matrix.AddLevels(levels);
            }
        }

        return matrix;
    }

    private static DemandVacancy Vacancy(string sector, string region, params (string Skill, int Importance, int Minimum)[] skills) =>
        new(Guid.NewGuid(), $"{sector} job", sector, region, [.. skills.Select(skill => new VacancySkill(skill.Skill, skill.Importance, skill.Minimum))]);

    [Fact]
    public void Compute_CountsDemandPerSkillAndLevelAndSupplyAtOrAboveIt()
    {
        var vacancies = new[]
        {
            Vacancy("healthcare", "Rotterdam", ("teamwork", 3, 3), ("planning", 1, 2)),
            Vacancy("logistics", "Utrecht", ("teamwork", 2, 3)),
            Vacancy("logistics", "Rotterdam", ("teamwork", 1, 4)),
        };
        var supply = People(
            (6, new() { ["teamwork"] = 3, ["planning"] = 2 }),
            (7, new() { ["teamwork"] = 5 }),
            (2, new() { ["teamwork"] = 1 }));

        var insights = InsightsCalculator.Compute(vacancies, supply);

        Assert.Equal(3, insights.PublishedVacancies);
        Assert.Equal(15, insights.JobSeekers.Count);
        // 13 people reach teamwork 3 and 7 reach 4: shown rounded to fives, as 15 and 5.
        var teamwork3 = Assert.Single(insights.Skills, row => row is { SkillId: "teamwork", MinimumLevel: 3 });
        Assert.Equal((2, 5, 2.5, 15), (teamwork3.Vacancies, teamwork3.TotalImportance, teamwork3.AverageImportance, teamwork3.Supply.Count!.Value));
        var teamwork4 = Assert.Single(insights.Skills, row => row is { SkillId: "teamwork", MinimumLevel: 4 });
        Assert.Equal((1, 5), (teamwork4.Vacancies, teamwork4.Supply.Count!.Value));
        Assert.Equal(5, Assert.Single(insights.Skills, row => row.SkillId == "planning").Supply.Count);
        var logistics = Assert.Single(insights.Sectors, group => group.Name == "logistics");
        Assert.Equal(["teamwork/3", "teamwork/4"], logistics.Rows.Select(row => $"{row.SkillId}/{row.MinimumLevel}"));
        var rotterdam = Assert.Single(insights.Regions, group => group.Name == "Rotterdam");
        Assert.Equal(3, rotterdam.Rows.Count);
    }

    [Fact]
    public void ByGap_Rows_LargestShortageFirstThenMoreVacancies()
    {
        DemandSupply[] rows =
        [
            new("teamwork", 3, Vacancies: 19, TotalImportance: 40, PeopleCount.Of(88)),
            new("planning", 2, Vacancies: 3, TotalImportance: 6, PeopleCount.Of(2)),
            new("reliability", 4, Vacancies: 6, TotalImportance: 6, PeopleCount.Of(10)),
            new("planning", 4, Vacancies: 9, TotalImportance: 9, PeopleCount.Of(13)),
            new("teamwork", 1, Vacancies: 1, TotalImportance: 1, PeopleCount.Of(0)),
        ];

        var sorted = InsightsCalculator.ByGap(rows);

        // Gaps: 19 - 90 = -71, 3 - <5 = 3, 6 - 10 = -4, 9 - 15 = -6, 1 - <5 = 1.
        Assert.Equal(["planning/2", "teamwork/1", "reliability/4", "planning/4", "teamwork/3"], sorted.Select(row => $"{row.SkillId}/{row.MinimumLevel}"));
        Assert.Equal([3, 1, -4, -6, -71], sorted.Select(row => row.Gap));
    }

    [Fact]
    public void ByGap_EqualGaps_MoreVacanciesFirst()
    {
        DemandSupply[] rows =
        [
            new("planning", 2, Vacancies: 5, TotalImportance: 5, PeopleCount.Of(10)),
            new("teamwork", 2, Vacancies: 10, TotalImportance: 10, PeopleCount.Of(15)),
        ];

        Assert.Equal(["teamwork", "planning"], InsightsCalculator.ByGap(rows).Select(row => row.SkillId));
    }

    [Fact]
    public void Compute_SupplyBelowFive_IsSuppressed()
    {
        var vacancies = new[] { Vacancy("energy", "Delft", ("planning", 2, 5), ("teamwork", 2, 1)) };
        var supply = People((4, new() { ["planning"] = 5, ["teamwork"] = 1 }), (1, new() { ["teamwork"] = 2 }));

        var insights = InsightsCalculator.Compute(vacancies, supply);

        var planning = Assert.Single(insights.Skills, row => row.SkillId == "planning");
        Assert.True(planning.Supply.Suppressed);
        Assert.Null(planning.Supply.Count);
        Assert.Equal("<5", planning.Supply.Label);
        Assert.Equal("5", Assert.Single(insights.Skills, row => row.SkillId == "teamwork").Supply.Label);
        Assert.Equal(5, insights.JobSeekers.Count);
    }

    [Fact]
    public void PeopleCount_ZeroToFour_AreSuppressedAndFiveIsShown()
    {
        Assert.All(Enumerable.Range(0, 5), count => Assert.True(PeopleCount.Of(count).Suppressed));
        Assert.Equal(5, PeopleCount.Of(5).Count);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(7, 5)]
    [InlineData(8, 10)]
    [InlineData(12, 10)]
    [InlineData(13, 15)]
    [InlineData(1234, 1235)]
    public void PeopleCount_FiveOrMore_IsRoundedToTheNearestFive(int count, int shown)
    {
        Assert.Equal(shown, PeopleCount.Of(count).Count);
        Assert.Equal(shown.ToString(System.Globalization.CultureInfo.InvariantCulture), PeopleCount.Of(count).Label);
    }

    [Fact]
    public void PeopleCount_AnyTwoShownCounts_NeverDifferByOneToFour()
    {
        var shown = Enumerable.Range(0, 200).Select(count => PeopleCount.Of(count).Count ?? 0).Distinct().ToList();

        Assert.All(shown, a => Assert.All(shown, b => Assert.False(Math.Abs(a - b) is > 0 and < PeopleCount.Threshold, $"{a} and {b}")));
    }

    [Theory]
    [InlineData(12, 14)]
    [InlineData(12, 13)]
    [InlineData(10, 10)]
    [InlineData(3, 7)]
    [InlineData(0, 4)]
    public void PeopleChange_ChangeBelowFive_IsSuppressedAndAfterRepeatsBefore(int before, int after)
    {
        var change = PeopleChange.Of(before, after);

        Assert.True(change.Change.Suppressed);
        Assert.Equal("<5", change.Change.Label);
        Assert.Equal(change.Before, change.After);
        Assert.Equal(PeopleCount.Of(before), change.Before);
    }

    [Theory]
    [InlineData(12, 17, 10, 15, 5)]
    [InlineData(12, 30, 10, 30, 20)]
    [InlineData(0, 6, null, 5, 5)]
    public void PeopleChange_ChangeOfFiveOrMore_ShowsBothRounded(int before, int after, int? shownBefore, int shownAfter, int shownChange)
    {
        var change = PeopleChange.Of(before, after);

        Assert.Equal((shownBefore, shownAfter, shownChange), (change.Before.Count, change.After.Count!.Value, change.Change.Count!.Value));
    }

    [Fact]
    public void WhatIf_GainOnSkill_CountsCandidatesAndVacanciesGaining()
    {
        var vacancies = new[]
        {
            Vacancy("healthcare", "Rotterdam", ("teamwork", 3, 3), ("planning", 1, 3)),
            Vacancy("logistics", "Utrecht", ("reliability", 2, 2)),
        };
        var supply = People(
            (5, new() { ["teamwork"] = 3, ["planning"] = 3 }),
            (6, new() { ["teamwork"] = 3, ["planning"] = 2 }),
            (3, new() { ["teamwork"] = 2, ["planning"] = 1 }),
            (2, new() { ["teamwork"] = 4 }));

        var result = InsightsCalculator.WhatIf(vacancies, supply, [new LevelGain("planning", 1)]);

        // 5 now, 11 after: a gain of 6, shown rounded (5, 10, 5).
        Assert.Equal((5, 10, 5), (result.Candidates.Before.Count, result.Candidates.After.Count, result.Candidates.Change.Count));
        Assert.Equal(1, result.VacanciesGainingCandidates);
        Assert.Equal((5, 10, 5), (result.PerVacancy[0].Qualifying.Before.Count, result.PerVacancy[0].Qualifying.After.Count, result.PerVacancy[0].Qualifying.Change.Count));
        Assert.True(result.PerVacancy[1].Qualifying.After.Suppressed);
    }

    [Fact]
    public void WhatIf_GainOfFewerThanFive_ShowsNoChangeAndCountsNoVacancy()
    {
        var vacancies = new[] { Vacancy("logistics", "Oslo", ("teamwork", 1, 3)) };
        var supply = People((12, new() { ["teamwork"] = 3 }), (2, new() { ["teamwork"] = 2 }));

        var result = InsightsCalculator.WhatIf(vacancies, supply, [new LevelGain("teamwork", 1)]);

        // 12 now and 14 after would tell that two people gain: the change and the figure after are held back.
        Assert.True(result.Candidates.Change.Suppressed);
        Assert.Equal((10, 10), (result.Candidates.Before.Count, result.Candidates.After.Count));
        Assert.True(result.PerVacancy[0].Qualifying.Change.Suppressed);
        Assert.Equal(result.PerVacancy[0].Qualifying.Before, result.PerVacancy[0].Qualifying.After);
        Assert.Equal(0, result.VacanciesGainingCandidates);
    }

    [Fact]
    public void WhatIf_HalfLevelGain_MovesOnlyPeopleNearTheNextLevel()
    {
        var vacancies = new[] { Vacancy("hospitality", "Bergen", ("teamwork", 2, 5)) };
        var supply = new SupplyMatrix(SkillIds);
        for (var person = 0; person < 5; person++)
        {
            supply.Add(new Dictionary<string, double> { ["teamwork"] = 1.2 });
            supply.Add(new Dictionary<string, double> { ["teamwork"] = 0.6 });
        }

        Assert.Equal(5, InsightsCalculator.WhatIf(vacancies, supply, [new LevelGain("teamwork", 0.5)]).Candidates.After.Count);
        Assert.Equal(10, InsightsCalculator.WhatIf(vacancies, supply, [new LevelGain("teamwork", 1)]).Candidates.After.Count);
    }

    [Fact]
    public void WhatIf_UnmeasuredSkillOrUnknownRequirement_NeverQualifies()
    {
        var vacancies = new[] { Vacancy("energy", "Aarhus", ("reliability", 1, 1)), Vacancy("energy", "Aarhus", ("unknown-skill", 1, 1)) };
        var supply = People((8, new() { ["teamwork"] = 5 }));

        var result = InsightsCalculator.WhatIf(vacancies, supply, [new LevelGain("reliability", 2), new LevelGain("unknown-skill", 2)]);

        Assert.True(result.Candidates.Before.Suppressed && result.Candidates.After.Suppressed && result.Candidates.Change.Suppressed);
        Assert.Equal(0, result.VacanciesGainingCandidates);
    }

    [Fact]
    public void WhatIf_NoGains_ChangesNothing()
    {
        var vacancies = new[] { Vacancy("logistics", "Oslo", ("teamwork", 1, 2)) };
        var supply = People((9, new() { ["teamwork"] = 2 }), (3, new() { ["teamwork"] = 1 }));

        var result = InsightsCalculator.WhatIf(vacancies, supply, []);

        Assert.Equal((10, 10, 0), (result.Candidates.Before.Count, result.Candidates.After.Count, result.VacanciesGainingCandidates));
        Assert.True(result.Candidates.Change.Suppressed);
    }

    [Fact]
    public void SupplyMatrix_FromAnswers_EstimatesEachPersonAsThePassportDoes()
    {
        IResponseModel model = new GradedResponseModel(1.5, [-1, 0, 1]);
        (string, IResponseModel)? ItemOf(string itemId) => itemId.StartsWith("team", StringComparison.Ordinal) ? ("teamwork", model) : null;
        var answers = new[] { (1, "team-1", 3), (1, "team-2", 3), (1, "gone", 0), (2, "team-1", 0), (2, "team-2", 9), (3, "gone", 1) };

        var matrix = SupplyMatrix.FromAnswers(SkillIds, answers, ItemOf);

        // Person 3 answered only items no longer in content, so has nothing measured and is not supply.
        Assert.Equal(2, matrix.People);
        var strong = new AbilityPosterior([new ItemResponse(model, 3), new ItemResponse(model, 3)]).Estimate().Estimate;
        var weak = new AbilityPosterior([new ItemResponse(model, 0)]).Estimate().Estimate;
        Assert.Equal(strong, matrix.Rows[0][0]);
        Assert.Equal(weak, matrix.Rows[1][0]);
        Assert.True(double.IsNaN(matrix.Rows[0][1]));
    }
}
