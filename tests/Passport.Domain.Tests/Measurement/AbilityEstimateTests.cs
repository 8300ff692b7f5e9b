using Passport.Domain.Measurement;

namespace Passport.Domain.Tests.Measurement;

public sealed class AbilityEstimateTests
{
    [Fact]
    public void Prior_IsStandardNormalWithoutEvidence()
    {
        Assert.Equal(new AbilityEstimate(0, 1, 0), AbilityEstimate.Prior);
        Assert.Equal(3, AbilityEstimate.Prior.Level);
    }

    [Theory]
    [InlineData(-4.0, 1)]
    [InlineData(-1.51, 1)]
    [InlineData(-1.5, 2)]
    [InlineData(-0.51, 2)]
    [InlineData(-0.5, 3)]
    [InlineData(0.0, 3)]
    [InlineData(0.49, 3)]
    [InlineData(0.5, 4)]
    [InlineData(1.49, 4)]
    [InlineData(1.5, 5)]
    [InlineData(3.9, 5)]
    public void Level_CutPointsAtMinusOneAndAHalfMinusHalfHalfOneAndAHalf_MapsToOneToFive(double theta, int level)
    {
        Assert.Equal(level, new AbilityEstimate(theta, 0.4, 5).Level);
        Assert.Equal(level, AbilityEstimate.LevelOf(theta));
    }

    [Fact]
    public void LevelCutPoints_AreTheFourDocumentedCuts()
    {
        Assert.Equal([-1.5, -0.5, 0.5, 1.5], AbilityEstimate.LevelCutPoints);
        Assert.Equal(AbilityEstimate.HighestLevel - AbilityEstimate.LowestLevel, AbilityEstimate.LevelCutPoints.Count);
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(new AbilityEstimate(0.7, 0.3, 12), new AbilityEstimate(0.7, 0.3, 12));
        Assert.NotEqual(new AbilityEstimate(0.7, 0.3, 12), new AbilityEstimate(0.7, 0.3, 13));
    }
}
