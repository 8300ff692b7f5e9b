using Passport.Domain.Measurement;

namespace Passport.Domain.Tests.Measurement;

public sealed class ResponseModelTests
{
    public static TheoryData<IResponseModel> Models() =>
    [
        new TwoParameterLogistic(1.2, 0.3),
        new TwoParameterLogistic(0.2, -4),
        new TwoParameterLogistic(4, 4),
        new GradedResponseModel(1.4, [-1.2, 0.1, 1.1]),
        new GradedResponseModel(0.9, [-2.0, -0.9, 0.2, 1.3]),
        new GradedResponseModel(4, [-0.01, 0, 0.01]),
        new GradedResponseModel(1.0, [0.5]),
    ];

    [Theory]
    [MemberData(nameof(Models))]
    public void Probability_OverThetaRange_SumsToOneAndStaysInUnitInterval(IResponseModel model)
    {
        foreach (var theta in MeasurementTestData.ThetaRange())
        {
            var probabilities = Enumerable.Range(0, model.Categories).Select(category => model.Probability(theta, category)).ToList();

            Assert.All(probabilities, probability => Assert.InRange(probability, 0, 1));
            Assert.Equal(1, probabilities.Sum(), 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void LogProbability_WhereProbabilityIsRepresentable_EqualsLogOfProbability(IResponseModel model)
    {
        foreach (var theta in MeasurementTestData.ThetaRange())
        {
            for (var category = 0; category < model.Categories; category++)
            {
                var probability = model.Probability(theta, category);
                if (probability > 1e-250)
                {
                    Assert.Equal(Math.Log(probability), model.LogProbability(theta, category), 1e-9);
                }
            }
        }
    }

    [Fact]
    public void LogProbability_FarTail_StaysFiniteWhereProbabilityUnderflows()
    {
        var twoPl = new TwoParameterLogistic(4, 0);
        var graded = new GradedResponseModel(4, [-1, 0, 1]);

        Assert.Equal(0, twoPl.Probability(-200, 1));
        Assert.Equal(-800, twoPl.LogProbability(-200, 1), 1e-9);
        Assert.True(double.IsFinite(graded.LogProbability(-200, 3)));
        Assert.True(double.IsFinite(graded.LogProbability(200, 0)));
        Assert.True(graded.LogProbability(200, 1) < graded.LogProbability(200, 2));
    }

    [Fact]
    public void GradedResponseModel_MiddleCategoryFarFromThresholds_IsPositiveNotCancelledToZero()
    {
        var model = new GradedResponseModel(3, [-1, 1]);

        // Both cumulative curves round to exactly 1 here, so a naive difference would give 0.
        var probability = model.Probability(16, 1);

        Assert.True(probability > 0);
        Assert.Equal(Math.Exp(-3 * 15) - Math.Exp(-3 * 17), probability, 1e-25);
    }

    [Fact]
    public void GradedResponseModel_OneThreshold_EqualsTwoParameterLogistic()
    {
        var graded = new GradedResponseModel(1.3, [0.4]);
        var twoPl = new TwoParameterLogistic(1.3, 0.4);

        Assert.Equal(2, graded.Categories);
        foreach (var theta in MeasurementTestData.ThetaRange())
        {
            for (var category = 0; category < 2; category++)
            {
                Assert.Equal(twoPl.Probability(theta, category), graded.Probability(theta, category), 1e-14);
                Assert.Equal(twoPl.LogProbability(theta, category), graded.LogProbability(theta, category), 1e-12);
            }

            Assert.Equal(twoPl.Information(theta), graded.Information(theta), 1e-12);
        }
    }

    [Fact]
    public void TwoParameterLogistic_Probability_IsHalfAtDifficultyAndRisesWithTheta()
    {
        var model = new TwoParameterLogistic(1.7, 0.5);

        Assert.Equal(0.5, model.Probability(0.5, 1), 1e-15);
        Assert.Equal(1 / (1 + Math.Exp(-1.7 * 1.5)), model.Probability(2, 1), 1e-15);
        Assert.True(model.Probability(1, 1) > model.Probability(0, 1));
    }

    [Theory]
    [InlineData(1.0, -1.0)]
    [InlineData(2.0, 0.0)]
    [InlineData(0.7, 1.8)]
    public void TwoParameterLogistic_Information_PeaksAtDifficultyWithQuarterOfASquared(double discrimination, double difficulty)
    {
        var model = new TwoParameterLogistic(discrimination, difficulty);
        var grid = Enumerable.Range(-400, 801).Select(step => step * 0.01).ToList();

        var peak = grid.MaxBy(model.Information);

        Assert.Equal(difficulty, peak, 1e-9);
        Assert.Equal(discrimination * discrimination / 4, model.Information(difficulty), 1e-12);
        Assert.True(model.Information(difficulty + 1) < model.Information(difficulty));
        Assert.Equal(model.Information(difficulty + 1), model.Information(difficulty - 1), 1e-12);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Information_EqualsExpectedSquaredScore(IResponseModel model)
    {
        // Fisher information is E[(d/dθ ln P_k)²]; compare against central differences of LogProbability.
        const double h = 1e-5;
        foreach (var theta in new[] { -2.5, -1.0, 0.0, 0.3, 1.7 })
        {
            var expected = 0.0;
            for (var category = 0; category < model.Categories; category++)
            {
                var score = (model.LogProbability(theta + h, category) - model.LogProbability(theta - h, category)) / (2 * h);
                expected += model.Probability(theta, category) * score * score;
            }

            Assert.Equal(expected, model.Information(theta), 1e-5 * Math.Max(1, expected));
        }
    }

    [Fact]
    public void GradedResponseModel_Information_PeaksInsideThresholdsAndIsSymmetricForSymmetricThresholds()
    {
        var model = new GradedResponseModel(1.5, [-1, 0, 1]);

        Assert.True(model.Information(0) > model.Information(2.5));
        Assert.True(model.Information(0) > model.Information(-2.5));
        Assert.Equal(model.Information(0.8), model.Information(-0.8), 1e-12);
    }

    [Fact]
    public void GradedResponseModel_MoreCategories_CarriesMoreInformationThanOneCut()
    {
        var graded = new GradedResponseModel(1.5, [-1, 0, 1]);
        var twoPl = new TwoParameterLogistic(1.5, 0);

        Assert.True(graded.Information(0) > twoPl.Information(0));
        Assert.True(graded.Information(1) > twoPl.Information(1));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Probability_CategoryOutOfRange_Throws(int category)
    {
        var graded = new GradedResponseModel(1, [-1, 0, 1]);
        var twoPl = new TwoParameterLogistic(1, 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => graded.Probability(0, category));
        Assert.Throws<ArgumentOutOfRangeException>(() => graded.LogProbability(0, category));
        Assert.Throws<ArgumentOutOfRangeException>(() => twoPl.Probability(0, category));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1.2)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_DiscriminationNotPositiveAndFinite_Throws(double discrimination)
    {
        var graded = Assert.Throws<ArgumentException>(() => new GradedResponseModel(discrimination, [0]));
        var twoPl = Assert.Throws<ArgumentException>(() => new TwoParameterLogistic(discrimination, 0));

        Assert.Equal("Discrimination", graded.ParamName);
        Assert.Equal("Discrimination", twoPl.ParamName);
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new[] { 0.0, 0.0 })]
    [InlineData(new[] { -1.0, 1.0, 0.5 })]
    [InlineData(new[] { 1.0, -1.0 })]
    [InlineData(new[] { 0.0, double.NaN })]
    public void GradedResponseModel_ThresholdsEmptyOrNotStrictlyIncreasing_Throws(double[] thresholds)
    {
        var error = Assert.Throws<ArgumentException>(() => new GradedResponseModel(1, thresholds));

        Assert.Equal("Thresholds", error.ParamName);
    }

    [Fact]
    public void GradedResponseModel_With_ValidatesTheNewValues()
    {
        var model = new GradedResponseModel(1, [-1, 1]);

        Assert.Throws<ArgumentException>(() => model with { Thresholds = [1, -1] });
        Assert.Throws<ArgumentException>(() => model with { Discrimination = 0 });
        Assert.Equal(4, (model with { Thresholds = [-1, 0, 1] }).Categories);
    }

    [Fact]
    public void GradedResponseModel_Equality_ComparesThresholdsElementWise()
    {
        var first = new GradedResponseModel(1.2, new List<double> { -1, 0, 1 });
        var second = new GradedResponseModel(1.2, new[] { -1.0, 0, 1 });

        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, new GradedResponseModel(1.2, [-1, 0, 1.5]));
        Assert.NotEqual(first, new GradedResponseModel(1.3, [-1, 0, 1]));
        Assert.NotEqual(first, new GradedResponseModel(1.2, [-1, 0]));
    }

    [Fact]
    public void GradedResponseModel_CallerChangesItsList_ItemStaysTheSame()
    {
        var thresholds = new[] { -1.0, 0, 1 };
        var model = new GradedResponseModel(1, thresholds);

        thresholds[2] = -5;

        Assert.Equal([-1.0, 0, 1], model.Thresholds);
        Assert.Throws<NotSupportedException>(() => ((IList<double>)model.Thresholds)[0] = 3);
    }

    [Fact]
    public void GradedResponseModel_ToString_ShowsTheThresholds()
    {
        var text = new GradedResponseModel(1.5, [-1, 0.25]).ToString();

        Assert.Equal("GradedResponseModel { Discrimination = 1.5, Thresholds = [-1, 0.25] }", text);
    }

    [Fact]
    public void TwoParameterLogistic_Equality_IsByValueAndDeconstructs()
    {
        var model = new TwoParameterLogistic(1.1, 0.4);
        var (discrimination, difficulty) = model;

        Assert.Equal(new TwoParameterLogistic(1.1, 0.4), model);
        Assert.Equal(1.1, discrimination);
        Assert.Equal(0.4, difficulty);
        Assert.Throws<ArgumentException>(() => model with { Difficulty = double.NaN });
    }
}
