using Passport.Domain.Localization;
using Passport.Domain.Measurement;
using Passport.Domain.Sprints;

namespace Passport.Domain.Tests.Sprints;

public sealed class SprintItemScoringTests
{
    private static readonly LocalizedText Text = new(new Dictionary<string, string> { ["en"] = "x", ["nl"] = "x", ["da"] = "x", ["nb"] = "x" });

    private static readonly SprintItem Choice = new("c", "teamwork", ItemKind.Choice, Text,
        [new("a", Text, 2), new("b", Text, 0), new("c", Text, 1)], [], null, null, new GradedResponseModel(1.2, [-1, 1]));

    private static readonly SprintItem Rank = new("r", "teamwork", ItemKind.Rank, Text,
        [new("a", Text, 0), new("b", Text, 0), new("c", Text, 0), new("d", Text, 0)], ["c", "a", "d", "b"], null, null, new GradedResponseModel(1, [-1, 0, 1]));

    private static readonly SprintItem Scale = new("s", "teamwork", ItemKind.Scale, Text,
        [], [], new ScaleSpec(1, 5, Text, Text, Reversed: false), null, new GradedResponseModel(1, [-1.5, -0.5, 0.5, 1.5]));

    private static readonly SprintItem ReversedScale = Scale with { Scale = Scale.Scale! with { Reversed = true } };

    [Theory]
    [InlineData("a", 2)]
    [InlineData("b", 0)]
    [InlineData("c", 1)]
    public void Score_ChoiceOption_GivesTheOptionsCategory(string option, int expected) =>
        Assert.Equal(AnswerScore.Of(expected), Choice.Score(Answer.ForChoice(option)));

    [Fact]
    public void Score_UnknownOption_IsRefused() =>
        Assert.Equal(AnswerProblem.UnknownOption, Choice.Score(Answer.ForChoice("z")).Problem);

    [Theory]
    [InlineData(new[] { "c", "a", "d", "b" }, 3)]
    [InlineData(new[] { "b", "d", "a", "c" }, 0)]
    [InlineData(new[] { "a", "c", "d", "b" }, 3)]
    [InlineData(new[] { "a", "c", "b", "d" }, 2)]
    public void Score_RankOrder_GivesShareOfPairsInTheKeysOrder(string[] order, int expected) =>
        Assert.Equal(AnswerScore.Of(expected), Rank.Score(Answer.ForOrder(order)));

    [Theory]
    [InlineData("c,a,d")]
    [InlineData("c,a,d,d")]
    [InlineData("c,a,d,b,b")]
    public void Score_RankOrderNotListingEveryOptionOnce_IsRefused(string order) =>
        Assert.Equal(AnswerProblem.InvalidOrder, Rank.Score(Answer.ForOrder(order.Split(','))).Problem);

    [Fact]
    public void Score_RankOrderWithAStrangeOption_IsRefused() =>
        Assert.Equal(AnswerProblem.UnknownOption, Rank.Score(Answer.ForOrder(["c", "a", "d", "x"])).Problem);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 2)]
    [InlineData(5, 4)]
    public void Score_ScaleValue_CountsFromTheBottom(double value, int expected) =>
        Assert.Equal(AnswerScore.Of(expected), Scale.Score(Answer.ForValue(value)));

    [Fact]
    public void Score_ReversedScale_CountsFromTheTop() =>
        Assert.Equal(AnswerScore.Of(4), ReversedScale.Score(Answer.ForValue(1)));

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(2.5)]
    [InlineData(double.NaN)]
    public void Score_ScaleValueOffTheScale_IsRefused(double value) =>
        Assert.Equal(AnswerProblem.OutOfRange, Scale.Score(Answer.ForValue(value)).Problem);

    [Fact]
    public void Score_AnswerOfAnotherShapeOrSeveralShapes_IsRefused()
    {
        Assert.Equal(AnswerProblem.WrongShape, Choice.Score(Answer.ForValue(1)).Problem);
        Assert.Equal(AnswerProblem.WrongShape, Scale.Score(Answer.ForChoice("a")).Problem);
        Assert.Equal(AnswerProblem.WrongShape, Rank.Score(Answer.ForChoice("a")).Problem);
        Assert.Equal(AnswerProblem.WrongShape, Choice.Score(new Answer("a", null, 2)).Problem);
        Assert.Equal(AnswerProblem.WrongShape, Choice.Score(new Answer(null, null, null)).Problem);
    }

    [Fact]
    public void SameAs_ComparesTheShapeAndTheOrder()
    {
        Assert.True(Answer.ForOrder(["a", "b"]).SameAs(Answer.ForOrder(["a", "b"])));
        Assert.False(Answer.ForOrder(["a", "b"]).SameAs(Answer.ForOrder(["b", "a"])));
        Assert.False(Answer.ForChoice("a").SameAs(Answer.ForValue(1)));
        Assert.True(Answer.ForValue(3).SameAs(Answer.ForValue(3)));
    }
}
