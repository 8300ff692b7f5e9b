using Microsoft.Extensions.Time.Testing;

namespace Passport.Matching.Tests;

/// <summary>The small seeded market and model the tests share: big enough to learn, small enough for seconds.</summary>
public sealed class TestMarket
{
    public static readonly IReadOnlyList<string> SkillIds =
        ["teamwork", "communication", "empathy", "integrity", "planning", "reliability", "problem-solving", "creativity", "learning", "taking-the-lead"];

    public static readonly SimulationOptions Small = new() { Seed = 7, Candidates = 800, Vacancies = 80, PoolSize = 30 };

    public static readonly RankerTrainingOptions QuickTraining = new() { Iterations = 80 };

    public TestMarket()
    {
        Schema = new FeatureSchema(SkillIds);
        Market = LabourMarketSimulator.Generate(SkillIds, Small);
        (Training, HeldOut) = Market.SplitByVacancy(0.3, Small.Seed);
        Ranker = LightGbmRanker.Train(Schema, Training, "test-1", Clock, QuickTraining);
    }

    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public FeatureSchema Schema { get; }

    public SimulatedMarket Market { get; }

    public IReadOnlyList<LabelledPair> Training { get; }

    public IReadOnlyList<LabelledPair> HeldOut { get; }

    public LightGbmRanker Ranker { get; }

    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var rx = Ranks(x);
        var ry = Ranks(y);
        var mx = rx.Average();
        var my = ry.Average();
        var cov = rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum();
        var sx = Math.Sqrt(rx.Sum(a => (a - mx) * (a - mx)));
        var sy = Math.Sqrt(ry.Sum(b => (b - my) * (b - my)));
        return cov / (sx * sy);
    }

    /// <summary>Average ranks (ties share their mean rank).</summary>
    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = (i + j) / 2.0;
            }

            i = j + 1;
        }

        return ranks;
    }
}
