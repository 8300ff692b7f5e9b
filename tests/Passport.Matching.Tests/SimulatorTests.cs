using System.Text.Json;

namespace Passport.Matching.Tests;

public sealed class SimulatorTests
{
    private static readonly SimulationOptions Tiny = new() { Seed = 42, Candidates = 200, Vacancies = 10, PoolSize = 20 };

    [Fact]
    public void Generate_SameSeed_SameMarket()
    {
        var first = LabourMarketSimulator.Generate(TestMarket.SkillIds, Tiny);
        var second = LabourMarketSimulator.Generate(TestMarket.SkillIds, Tiny);

        Assert.Equal(Fingerprint(first), Fingerprint(second));
        Assert.Equal(first.Groups, second.Groups);
    }

    [Fact]
    public void Generate_OtherSeed_OtherMarket()
    {
        var first = LabourMarketSimulator.Generate(TestMarket.SkillIds, Tiny);
        var other = LabourMarketSimulator.Generate(TestMarket.SkillIds, Tiny with { Seed = 43 });

        Assert.NotEqual(Fingerprint(first), Fingerprint(other));
    }

    [Fact]
    public void Generate_EveryVacancy_OneHireAndEveryLabel()
    {
        var market = LabourMarketSimulator.Generate(TestMarket.SkillIds, Tiny);

        Assert.Equal(Tiny.Vacancies * Tiny.PoolSize, market.Outcomes.Count);
        foreach (var pool in market.Outcomes.GroupBy(p => p.Vacancy.VacancyRef))
        {
            Assert.Single(pool, p => p.Outcome == Outcome.Hired);
            Assert.Equal(Enum.GetValues<Outcome>().Order(), pool.Select(p => p.Outcome).Distinct().Order());
        }

        Assert.All(market.Candidates, c => Assert.All(c.Skills.Values, m => Assert.InRange(m.Level, 1, 5)));
        Assert.Contains(ProtectedGroup.A, market.Groups.Values);
        Assert.Contains(ProtectedGroup.B, market.Groups.Values);
    }

    [Fact]
    public void SplitByVacancy_NoVacancyOnBothSides()
    {
        var market = LabourMarketSimulator.Generate(TestMarket.SkillIds, Tiny);

        var (training, heldOut) = market.SplitByVacancy(0.3, 1);

        var trainingRefs = training.Select(p => p.Vacancy.VacancyRef).ToHashSet();
        Assert.Equal(3, heldOut.Select(p => p.Vacancy.VacancyRef).Distinct().Count());
        Assert.DoesNotContain(heldOut, p => trainingRefs.Contains(p.Vacancy.VacancyRef));
        Assert.Equal(market.Outcomes.Count, training.Count + heldOut.Count);
    }

    private static string Fingerprint(SimulatedMarket market) =>
        JsonSerializer.Serialize(new
        {
            Candidates = market.Candidates,
            Vacancies = market.Vacancies,
            Outcomes = market.Outcomes.Select(p => new { p.Vacancy.VacancyRef, p.Candidate.CandidateRef, p.Outcome }),
        });
}
