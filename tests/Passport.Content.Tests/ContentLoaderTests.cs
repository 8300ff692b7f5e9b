using Passport.Domain.Measurement;
using Passport.Domain.Sprints;

namespace Passport.Content.Tests;

public sealed class ContentLoaderTests
{
    [Fact]
    public void Load_ValidContent_BuildsCataloguesWithoutProblems()
    {
        using var fixture = new ContentFixture();

        var result = ContentLoader.Load(fixture.Write());

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        Assert.Equal(["alpha", "beta"], result.Skills!.All.Select(skill => skill.Id));
        Assert.Equal(["pair", "solo"], result.Sprints!.All.Select(sprint => sprint.Id));
    }

    [Fact]
    public void Load_ValidContent_MapsSkillTextsLevelsAndFeedback()
    {
        using var fixture = new ContentFixture();

        var skill = ContentLoader.Load(fixture.Write()).Skills!.Get("beta");

        Assert.Equal(new Uri("http://data.europa.eu/esco/skill/beta"), skill.EscoUri);
        Assert.Equal("beta (da)", skill.Name.In("da"));
        Assert.Equal(5, skill.Levels.Count);
        Assert.Equal("beta level 3 (nb)", skill.Levels[2].In("nb"));
        Assert.Equal("beta tip 5 (nl)", skill.FeedbackFor(5).Tip.In("nl"));
    }

    [Fact]
    public void Load_ValidContent_MapsSprintSettingsAndMechanics()
    {
        using var fixture = new ContentFixture();

        Assert.True(ContentLoader.Load(fixture.Write()).Sprints!.TryGet("pair", out var sprint));

        Assert.Equal(["alpha", "beta"], sprint.Skills);
        Assert.Equal(4, sprint.EstimatedMinutes);
        Assert.Equal(4, sprint.MaxItems);
        Assert.Equal(0.5, sprint.TargetStandardError);
        Assert.Equal("The pair sprint. (nl)", sprint.Description.In("nl"));
        Assert.Equal([ItemKind.Choice, ItemKind.Rank, ItemKind.Scale, ItemKind.Timed], sprint.Mechanics);
        Assert.Equal(["pair-choice", "pair-timed", "pair-rank", "pair-scale"], sprint.Pool.Select(item => item.Id));
    }

    [Fact]
    public void Load_ChoiceItem_KeepsOptionScoresAndGradedModel()
    {
        using var fixture = new ContentFixture();

        Assert.True(ContentLoader.Load(fixture.Write()).Sprints!.TryGetItem("pair-choice", out var item));

        Assert.Equal(ItemKind.Choice, item.Kind);
        Assert.Equal("alpha", item.SkillId);
        Assert.Equal([("a", 3), ("b", 1), ("c", 0), ("d", 2)], item.Options.Select(option => (option.Id, option.Score)));
        var model = Assert.IsType<GradedResponseModel>(item.Model);
        Assert.Equal(1.4, model.Discrimination);
        Assert.Equal([-1.2, 0.1, 1.1], model.Thresholds);
        Assert.Empty(item.Key);
        Assert.Null(item.Scale);
        Assert.Null(item.TimeLimit);
        Assert.Equal(3, item.Score(Answer.ForChoice("a")).Category);
    }

    [Fact]
    public void Load_TimedItem_HasTimeLimitAndTwoParameterModel()
    {
        using var fixture = new ContentFixture();

        Assert.True(ContentLoader.Load(fixture.Write()).Sprints!.TryGetItem("pair-timed", out var item));

        Assert.Equal(ItemKind.Timed, item.Kind);
        Assert.Equal(TimeSpan.FromSeconds(15), item.TimeLimit);
        Assert.Equal(new TwoParameterLogistic(1.1, 0.4), item.Model);
        Assert.Equal(2, item.Model.Categories);
    }

    [Fact]
    public void Load_RankItem_HasKeyAndOptionsScoredZero()
    {
        using var fixture = new ContentFixture();

        Assert.True(ContentLoader.Load(fixture.Write()).Sprints!.TryGetItem("pair-rank", out var item));

        Assert.Equal(ItemKind.Rank, item.Kind);
        Assert.Equal(["c", "a", "d", "b"], item.Key);
        Assert.All(item.Options, option => Assert.Equal(0, option.Score));
        Assert.Equal(4, item.Model.Categories);
        Assert.Equal(3, item.Score(Answer.ForOrder(["c", "a", "d", "b"])).Category);
    }

    [Fact]
    public void Load_ScaleItem_HasScaleSpecAndNoOptions()
    {
        using var fixture = new ContentFixture();

        Assert.True(ContentLoader.Load(fixture.Write()).Sprints!.TryGetItem("pair-scale", out var item));

        Assert.Equal(ItemKind.Scale, item.Kind);
        Assert.Empty(item.Options);
        Assert.NotNull(item.Scale);
        Assert.Equal((1, 5, true), (item.Scale.Min, item.Scale.Max, item.Scale.Reversed));
        Assert.Equal("Always (da)", item.Scale.High.In("da"));
        Assert.Equal(5, item.Model.Categories);
        Assert.Equal(4, item.Score(Answer.ForValue(1)).Category);
    }

    [Fact]
    public void Load_TextThatLooksLikeADate_StaysAsWritten()
    {
        using var fixture = new ContentFixture();
        fixture.Item("solo", "solo-1")["prompt"]!["en"] = "2026-11-23T09:00:00Z";

        Assert.True(ContentLoader.Load(fixture.Write()).Sprints!.TryGetItem("solo-1", out var item));

        Assert.Equal("2026-11-23T09:00:00Z", item.Prompt.In("en"));
    }

    [Fact]
    public void Load_RootComment_IsAllowed()
    {
        using var fixture = new ContentFixture();
        fixture.Skills["$comment"] = "A note for authors.";
        fixture.Sprints["solo"]["$comment"] = "Another note.";

        Assert.Empty(ContentLoader.Load(fixture.Write()).Problems);
    }
}
