using Passport.Domain.Measurement;

namespace Passport.Domain.Tests.Measurement;

public sealed class SelectionOptionsTests
{
    [Fact]
    public void Constructor_Defaults_RandomesqueIsThree()
    {
        Assert.Equal(3, new SelectionOptions(0.5, 10).Randomesque);
    }

    [Theory]
    [InlineData(-0.1, 10, 3)]
    [InlineData(double.NaN, 10, 3)]
    [InlineData(0.5, 0, 3)]
    [InlineData(0.5, 10, 0)]
    public void Constructor_InvalidValues_Throw(double target, int maxItems, int randomesque)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SelectionOptions(target, maxItems, randomesque));
    }

    [Fact]
    public void With_InvalidValue_Throws()
    {
        var options = new SelectionOptions(0.5, 10);

        Assert.Throws<ArgumentOutOfRangeException>(() => options with { Randomesque = 0 });
        Assert.Equal(1, (options with { Randomesque = 1 }).Randomesque);
    }

    [Fact]
    public void Constructor_TargetZero_MeansNeverStopEarly()
    {
        var options = new SelectionOptions(0, 5);
        var session = MeasurementTestData.Estimates(("teamwork", new AbilityEstimate(0, 0.05, 40)));

        Assert.False(StoppingRule.ShouldStop(session, ["teamwork"], 4, poolExhausted: false, options));
        Assert.True(StoppingRule.ShouldStop(session, ["teamwork"], 5, poolExhausted: false, options));
    }
}
