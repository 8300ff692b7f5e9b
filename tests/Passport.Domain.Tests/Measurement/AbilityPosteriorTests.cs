using Passport.Domain.Measurement;

namespace Passport.Domain.Tests.Measurement;

public sealed class AbilityPosteriorTests
{
    private static readonly GradedResponseModel Graded = new(1.4, [-1.2, 0.1, 1.1]);
    private static readonly TwoParameterLogistic TwoPl = new(1.2, 0.3);

    [Fact]
    public void Estimate_NoResponses_IsThePrior()
    {
        var estimate = new AbilityPosterior().Estimate();

        Assert.Equal(0, estimate.Estimate, 1e-12);
        Assert.Equal(1, estimate.StandardError, 1e-3);
        Assert.Equal(0, estimate.Evidence);
        Assert.Equal(AbilityEstimate.Prior, estimate);
    }

    [Fact]
    public void Estimate_MoreResponses_LowerStandardError()
    {
        var posterior = new AbilityPosterior();
        var errors = new List<double> { posterior.Estimate().StandardError };
        var categories = new[] { 2, 1, 3, 2, 2, 1, 2, 3 };

        foreach (var category in categories)
        {
            posterior.Add(new ItemResponse(Graded, category));
            errors.Add(posterior.Estimate().StandardError);
        }

        Assert.Equal(categories.Length, posterior.Evidence);
        for (var index = 1; index < errors.Count; index++)
        {
            Assert.True(errors[index] < errors[index - 1], $"SE after {index} responses: {errors[index]} ≥ {errors[index - 1]}");
        }
    }

    [Theory]
    [InlineData(-1.3, 11)]
    [InlineData(0.0, 12)]
    [InlineData(0.8, 13)]
    [InlineData(2.1, 14)]
    public void Estimate_ManySimulatedResponses_RecoversTheTrueTheta(double theta, int seed)
    {
        var random = new Random(seed);
        var models = new IResponseModel[]
        {
            new GradedResponseModel(1.4, [-1.5, -0.2, 1.0]),
            new GradedResponseModel(1.0, [-2, -1, 0, 1, 2]),
            new TwoParameterLogistic(1.6, -0.5),
            new TwoParameterLogistic(1.2, 1.2),
        };
        var posterior = new AbilityPosterior();

        for (var response = 0; response < 400; response++)
        {
            var model = models[response % models.Length];
            posterior.Add(new ItemResponse(model, MeasurementTestData.Respond(model, theta, random)));
        }

        var estimate = posterior.Estimate();
        Assert.InRange(estimate.StandardError, 0.04, 0.12);
        Assert.InRange(estimate.Estimate, theta - (3 * estimate.StandardError), theta + (3 * estimate.StandardError));
    }

    [Fact]
    public void Estimate_AllLowestCategory_IsLowAndAllTopIsHigh()
    {
        var low = new AbilityPosterior(Enumerable.Repeat(new ItemResponse(Graded, 0), 6));
        var high = new AbilityPosterior(Enumerable.Repeat(new ItemResponse(Graded, 3), 6));

        Assert.True(low.Estimate().Estimate < -1.5, $"all-zero estimate {low.Estimate().Estimate}");
        Assert.True(high.Estimate().Estimate > 1.5, $"all-top estimate {high.Estimate().Estimate}");
        Assert.Equal(1, low.Estimate().Level);
        Assert.Equal(5, high.Estimate().Level);
        Assert.Equal(-low.Estimate().Estimate, high.Estimate().Estimate, 0.3);
    }

    [Fact]
    public void Estimate_OneRightAnswer_MovesUpAndOneWrongMovesDownBySymmetry()
    {
        var model = new TwoParameterLogistic(1.5, 0);
        var right = new AbilityPosterior([new ItemResponse(model, 1)]).Estimate();
        var wrong = new AbilityPosterior([new ItemResponse(model, 0)]).Estimate();

        Assert.True(right.Estimate > 0);
        Assert.Equal(-right.Estimate, wrong.Estimate, 1e-12);
        Assert.Equal(right.StandardError, wrong.StandardError, 1e-12);
        Assert.True(right.StandardError < 1);
    }

    [Fact]
    public void Estimate_MatchesFineNumericalIntegrationOfPosterior()
    {
        var responses = new[] { new ItemResponse(Graded, 2), new ItemResponse(TwoPl, 0), new ItemResponse(Graded, 3) };

        var estimate = new AbilityPosterior(responses).Estimate();

        // Independent reference: the same posterior integrated on a 20× finer grid over a wider range.
        double weight = 0, first = 0, second = 0;
        for (var step = -12000; step <= 12000; step++)
        {
            var theta = step * 0.0005;
            var density = Math.Exp(-0.5 * theta * theta) * responses.Aggregate(1.0, (product, response) => product * response.Model.Probability(theta, response.Category));
            weight += density;
            first += density * theta;
            second += density * theta * theta;
        }

        var mean = first / weight;
        Assert.Equal(mean, estimate.Estimate, 2e-3);
        Assert.Equal(Math.Sqrt((second / weight) - (mean * mean)), estimate.StandardError, 2e-3);
        Assert.Equal(3, estimate.Evidence);
    }

    [Fact]
    public void Estimate_ResponseOrder_DoesNotMatter()
    {
        var responses = new[] { new ItemResponse(Graded, 0), new ItemResponse(TwoPl, 1), new ItemResponse(Graded, 2), new ItemResponse(TwoPl, 1) };

        var forward = new AbilityPosterior(responses).Estimate();
        var backward = new AbilityPosterior(responses.Reverse()).Estimate();

        Assert.Equal(forward.Estimate, backward.Estimate, 1e-12);
        Assert.Equal(forward.StandardError, backward.StandardError, 1e-12);
    }

    [Fact]
    public void Estimate_ThousandsOfResponses_StaysFiniteAndPrecise()
    {
        var posterior = new AbilityPosterior();
        for (var response = 0; response < 5000; response++)
        {
            posterior.Add(new ItemResponse(Graded, response % 4 == 0 ? 0 : 3));
        }

        var estimate = posterior.Estimate();

        Assert.True(double.IsFinite(estimate.Estimate));
        Assert.True(double.IsFinite(estimate.StandardError));
        Assert.InRange(estimate.StandardError, 0, 0.1);
        Assert.InRange(estimate.Estimate, AbilityPosterior.GridMinimum, AbilityPosterior.GridMaximum);
        Assert.Equal(5000, estimate.Evidence);
    }

    [Fact]
    public void Estimate_ExtremePatternBeyondGrid_StaysWithinGrid()
    {
        var easy = new TwoParameterLogistic(3, -3.5);
        var posterior = new AbilityPosterior(Enumerable.Repeat(new ItemResponse(easy, 0), 50));

        var estimate = posterior.Estimate();

        Assert.InRange(estimate.Estimate, AbilityPosterior.GridMinimum, -3.5);
    }

    [Fact]
    public void Constructor_WithResponses_EqualsAddingThemOneByOne()
    {
        var responses = new[] { new ItemResponse(Graded, 1), new ItemResponse(TwoPl, 1) };
        var added = new AbilityPosterior();
        foreach (var response in responses)
        {
            added.Add(response);
        }

        Assert.Equal(added.Estimate(), new AbilityPosterior(responses).Estimate());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void Add_CategoryOutOfRange_ThrowsAndLeavesPosteriorUnchanged(int category)
    {
        var posterior = new AbilityPosterior([new ItemResponse(Graded, 2)]);
        var before = posterior.Estimate();

        Assert.Throws<ArgumentOutOfRangeException>(() => posterior.Add(new ItemResponse(Graded, category)));

        Assert.Equal(before, posterior.Estimate());
        Assert.Equal(1, posterior.Evidence);
    }

    [Fact]
    public void Add_WithoutModel_Throws()
    {
        var posterior = new AbilityPosterior();

        Assert.Throws<ArgumentNullException>(() => posterior.Add(default));
    }

    [Fact]
    public void Add_AfterEstimate_UpdatesTheEstimate()
    {
        var posterior = new AbilityPosterior([new ItemResponse(Graded, 2)]);
        var before = posterior.Estimate();

        posterior.Add(new ItemResponse(Graded, 3));

        Assert.True(posterior.Estimate().Estimate > before.Estimate);
        Assert.Equal(2, posterior.Estimate().Evidence);
    }

    [Fact]
    public void Clone_AddingToCopy_LeavesOriginalUnchanged()
    {
        var original = new AbilityPosterior([new ItemResponse(Graded, 1)]);
        var before = original.Estimate();

        var copy = original.Clone();
        copy.Add(new ItemResponse(Graded, 3));

        Assert.Equal(before, original.Estimate());
        Assert.Equal(1, original.Evidence);
        Assert.Equal(2, copy.Evidence);
        Assert.NotEqual(before, copy.Estimate());
    }

    [Fact]
    public void Clone_AddingSameResponses_EqualsOnePosteriorWithAllResponses()
    {
        // A session adds its responses to a copy of the passport's posterior; the result must be what the
        // passport gets when it later stores the same responses itself.
        var passport = new AbilityPosterior([new ItemResponse(Graded, 1), new ItemResponse(TwoPl, 0)]);
        var session = passport.Clone();
        session.Add(new ItemResponse(Graded, 3));

        var all = new AbilityPosterior([new ItemResponse(Graded, 1), new ItemResponse(TwoPl, 0), new ItemResponse(Graded, 3)]);

        Assert.Equal(all.Estimate().Estimate, session.Estimate().Estimate, 1e-12);
        Assert.Equal(all.Estimate().StandardError, session.Estimate().StandardError, 1e-12);
    }
}
