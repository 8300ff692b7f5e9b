using Passport.Domain.Measurement;
using static Passport.Domain.Tests.Measurement.MeasurementTestData;

namespace Passport.Domain.Tests.Measurement;

public sealed class SprintSimulationTests
{
    private static readonly IReadOnlyList<CandidateItem> Pool = SyntheticPool("teamwork", "communication");

    [Fact]
    public void Compare_SameSeed_SameResults()
    {
        var options = new SimulationOptions(100, 2024, 0.5, 12);

        Assert.Equal(SprintSimulation.Compare(Pool, options), SprintSimulation.Compare(Pool, options));
    }

    [Fact]
    public void Compare_OtherSeed_OtherResults()
    {
        var first = SprintSimulation.Compare(Pool, new SimulationOptions(100, 1, 0.5, 12));
        var second = SprintSimulation.Compare(Pool, new SimulationOptions(100, 2, 0.5, 12));

        Assert.NotEqual(first.Adaptive.Rmse, second.Adaptive.Rmse);
    }

    [Fact]
    public void Compare_NamesStrategiesAndCountsRespondents()
    {
        var comparison = SprintSimulation.Compare(Pool, new SimulationOptions(50, 3, 0.5, 12));

        Assert.Equal(SprintSimulation.AdaptiveStrategy, comparison.Adaptive.Strategy);
        Assert.Equal(SprintSimulation.FixedOrderStrategy, comparison.FixedOrder.Strategy);
        Assert.Equal(50, comparison.Adaptive.Respondents);
        Assert.Equal(50, comparison.FixedOrder.Respondents);
    }

    [Fact]
    public void Compare_WholePoolAllowed_AdaptiveNeedsFewerItemsForAboutTheSameAccuracy()
    {
        var comparison = SprintSimulation.Compare(Pool, new SimulationOptions(500, 42, 0.5, 20));
        var adaptive = comparison.Adaptive;
        var fixedOrder = comparison.FixedOrder;

        Assert.True(adaptive.MeanItems < fixedOrder.MeanItems - 4, $"{adaptive.MeanItems} vs {fixedOrder.MeanItems} items");

        // Adaptive stops as soon as the target is met while fixed order overshoots it, so fixed order may be a
        // little more accurate; by no more than the SE it overshoots by.
        Assert.True(adaptive.Rmse <= fixedOrder.Rmse + 0.06, $"RMSE {adaptive.Rmse} vs {fixedOrder.Rmse}");
        Assert.True(adaptive.Rmse <= 0.5 + 0.02, $"RMSE {adaptive.Rmse} against a target SE of 0.5");
        Assert.InRange(adaptive.ReachedTargetShare, 0.9, 1);
        Assert.InRange(adaptive.Bias, -0.05, 0.05);
        Assert.InRange(fixedOrder.Bias, -0.05, 0.05);
    }

    [Fact]
    public void Compare_FixedOrderCutAtTheAdaptiveLength_UsesAsManyItemsAndIsLessAccurate()
    {
        var comparison = SprintSimulation.Compare(Pool, new SimulationOptions(500, 7, 0.5, 20));

        Assert.Equal(SprintSimulation.FixedOrderSameLengthStrategy, comparison.FixedOrderSameLength.Strategy);
        Assert.Equal(comparison.Adaptive.MeanItems, comparison.FixedOrderSameLength.MeanItems, 6);
        Assert.True(comparison.Adaptive.Rmse < comparison.FixedOrderSameLength.Rmse, $"RMSE {comparison.Adaptive.Rmse} vs {comparison.FixedOrderSameLength.Rmse}");
    }

    [Fact]
    public void Compare_ItemLimitBinds_AdaptiveIsMoreAccurateThanFixedOrder()
    {
        // Ten items for two skills authored one after the other: fixed order spends them all on the first skill.
        var comparison = SprintSimulation.Compare(Pool, new SimulationOptions(300, 5, 0.5, 10));

        Assert.True(comparison.Adaptive.Rmse < comparison.FixedOrder.Rmse - 0.1, $"RMSE {comparison.Adaptive.Rmse} vs {comparison.FixedOrder.Rmse}");
        Assert.True(comparison.Adaptive.ReachedTargetShare > comparison.FixedOrder.ReachedTargetShare);
        Assert.True(comparison.Adaptive.MeanItems <= 10);
        Assert.Equal(10, comparison.FixedOrder.MeanItems);
    }

    [Fact]
    public void Compare_EstimatesAreCalibrated_RmseTracksMeanStandardError()
    {
        var comparison = SprintSimulation.Compare(Pool, new SimulationOptions(500, 8, 0.4, 20));

        // The posterior SD is an honest standard error when the items' model is true.
        Assert.Equal(comparison.Adaptive.MeanStandardError, comparison.Adaptive.Rmse, 0.05);
        Assert.Equal(comparison.FixedOrder.MeanStandardError, comparison.FixedOrder.Rmse, 0.05);
    }

    [Fact]
    public void Compare_TargetUnreachable_BothUseAllowedItems()
    {
        var comparison = SprintSimulation.Compare(Pool, new SimulationOptions(50, 4, 0.05, 12));

        Assert.Equal(12, comparison.Adaptive.MeanItems);
        Assert.Equal(12, comparison.FixedOrder.MeanItems);
        Assert.Equal(0, comparison.Adaptive.ReachedTargetShare);
    }

    [Fact]
    public void Compare_MaxItemsBeyondPool_StopsWhenPoolExhausted()
    {
        IReadOnlyList<CandidateItem> pool = [.. Pool.Take(3)];

        var comparison = SprintSimulation.Compare(pool, new SimulationOptions(20, 4, 0.05, 30));

        Assert.Equal(3, comparison.Adaptive.MeanItems);
        Assert.Equal(3, comparison.FixedOrder.MeanItems);
    }

    [Fact]
    public void Compare_EmptyPoolOrNoRespondents_Throws()
    {
        Assert.Throws<ArgumentException>(() => SprintSimulation.Compare([], new SimulationOptions(10, 1, 0.5, 10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SprintSimulation.Compare(Pool, new SimulationOptions(0, 1, 0.5, 10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SprintSimulation.Compare(Pool, new SimulationOptions(10, 1, 0.5, 0)));
    }
}
