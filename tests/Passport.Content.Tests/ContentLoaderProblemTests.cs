using System.Text.Json.Nodes;
using Passport.Content.Validation;

namespace Passport.Content.Tests;

public sealed class ContentLoaderProblemTests : IDisposable
{
    private readonly ContentFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Load_OptionTextWithoutDanish_NamesFileItemAndMissingLanguage()
    {
        _fixture.Item("pair", "pair-choice")["options"]![1]!["text"]!.AsObject().Remove("da");

        var problem = SingleProblem();

        Assert.Equal(("sprints/pair.json", "pair-choice"), (problem.File, problem.Item));
        Assert.StartsWith("items[0].options[1].text.da: is missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BlankTranslation_IsRejected()
    {
        _fixture.Item("solo", "solo-2")["prompt"]!["nb"] = "  ";

        var problem = SingleProblem();

        Assert.Equal(("sprints/solo.json", "solo-2"), (problem.File, problem.Item));
        Assert.Contains("items[1].prompt.nb: must not be blank", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SkillNameWithoutNorwegian_NamesSkillsFileAndSkill()
    {
        _fixture.Skills["skills"]![1]!["name"]!.AsObject().Remove("nb");

        var problem = SingleProblem();

        Assert.Equal(("skills/skills.json", "beta"), (problem.File, problem.Item));
        Assert.Contains("skills[1].name.nb", problem.Message, StringComparison.Ordinal);
        Assert.Equal("skills/skills.json, skill beta: " + problem.Message, problem.ToString());
    }

    [Fact]
    public void Load_ItemSkillUnknown_NamesFileAndItem()
    {
        _fixture.Item("pair", "pair-rank")["skill"] = "juggling";

        var problem = SingleProblem();

        Assert.Equal(("sprints/pair.json", "pair-rank"), (problem.File, problem.Item));
        Assert.Equal("skill 'juggling' is not one of the sprint's skills (alpha, beta) and is not in skills/skills.json", problem.Message);
    }

    [Fact]
    public void Load_ItemSkillNotAmongSprintSkills_NamesFileAndItem()
    {
        _fixture.Item("solo", "solo-1")["skill"] = "beta";

        var problem = SingleProblem();

        Assert.Equal(("sprints/solo.json", "solo-1"), (problem.File, problem.Item));
        Assert.Equal("skill 'beta' is not one of the sprint's skills (alpha)", problem.Message);
    }

    [Fact]
    public void Load_SprintSkillNotInFramework_NamesFile()
    {
        _fixture.Sprints["solo"]["skills"]!.AsArray().Add("juggling");

        var problems = Problems();

        Assert.Contains(problems, problem => problem == new ContentProblem("sprints/solo.json", null, "skill 'juggling' is not in skills/skills.json"));
        Assert.Contains(problems, problem => problem == new ContentProblem("sprints/solo.json", null, "skill 'juggling' has no items"));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Load_DiscriminationZero_IsRejectedWithItem()
    {
        _fixture.Item("pair", "pair-timed")["irt"]!["a"] = 0;

        var problem = SingleProblem();

        Assert.Equal(("sprints/pair.json", "pair-timed"), (problem.File, problem.Item));
        Assert.StartsWith("items[1].irt.a: 0 is below the minimum 0.2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DifficultyOutOfRange_IsRejectedWithItem()
    {
        _fixture.Item("solo", "solo-3")["irt"]!["b"] = ContentFixture.Numbers(4.5);

        var problem = SingleProblem();

        Assert.Equal(("sprints/solo.json", "solo-3"), (problem.File, problem.Item));
        Assert.StartsWith("items[2].irt.b[0]: 4.5 is above the maximum 4", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DecreasingThresholds_IsRejectedWithItem()
    {
        _fixture.Item("pair", "pair-choice")["irt"]!["b"] = ContentFixture.Numbers(-1.2, 1.1, 0.1);

        var problem = SingleProblem();

        Assert.Equal(new ContentProblem("sprints/pair.json", "pair-choice", "grm thresholds must be strictly increasing, not -1.2, 1.1, 0.1"), problem);
    }

    [Fact]
    public void Load_TwoParameterModelWithTwoDifficulties_IsRejected()
    {
        _fixture.Item("solo", "solo-1")["irt"]!["b"] = ContentFixture.Numbers(-0.5, 0.5);

        var problem = SingleProblem();

        Assert.Equal(new ContentProblem("sprints/solo.json", "solo-1", "a 2pl model has exactly one b, not 2"), problem);
    }

    [Fact]
    public void Load_ScoresNotMatchingCategories_IsRejectedWithItem()
    {
        // Four categories (three thresholds) but no option scores 3.
        _fixture.Item("pair", "pair-choice")["options"]![0]!["score"] = 1;

        var problem = SingleProblem();

        Assert.Equal(("sprints/pair.json", "pair-choice"), (problem.File, problem.Item));
        Assert.StartsWith("option scores must be 0…3, each used once at least", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith("sprints/pair.json, item pair-choice: option scores must be 0…3, each used once at least", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TimedScoreAboveTwoParameterCategories_IsRejected()
    {
        _fixture.Item("pair", "pair-timed")["options"]![1]!["score"] = 2;

        var problem = SingleProblem();

        Assert.Equal(("sprints/pair.json", "pair-timed"), (problem.File, problem.Item));
        Assert.StartsWith("option scores must be 0…1, each used once at least", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ScaleRangeNotMatchingCategories_IsRejected()
    {
        _fixture.Item("pair", "pair-scale")["scale"]!["max"] = 4;

        var problem = SingleProblem();

        Assert.Equal(new ContentProblem("sprints/pair.json", "pair-scale", "the scale 1–4 has 4 points, but the model has 5 categories"), problem);
    }

    [Fact]
    public void Load_RankKeyNotPermutation_IsRejectedWithItem()
    {
        _fixture.Item("pair", "pair-rank")["key"] = new JsonArray("c", "a", "d", "e");

        var problem = SingleProblem();

        Assert.Equal(("sprints/pair.json", "pair-rank"), (problem.File, problem.Item));
        Assert.Equal("key must list every option id exactly once (options a, b, c, d; key c, a, d, e)", problem.Message);
    }

    [Fact]
    public void Load_RankOptionWithScore_IsRejectedBySchema()
    {
        _fixture.Item("pair", "pair-rank")["options"]![2]!["score"] = 1;

        var problem = SingleProblem();

        Assert.Equal(("sprints/pair.json", "pair-rank"), (problem.File, problem.Item));
        Assert.Contains("items[2].options[2]: a rank option has no score", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TimedItemWithoutTimeLimit_IsRejectedBySchema()
    {
        _fixture.Item("pair", "pair-timed").Remove("timeLimitMs");

        var problem = SingleProblem();

        Assert.Equal(("sprints/pair.json", "pair-timed"), (problem.File, problem.Item));
        Assert.StartsWith("items[1]: a timed item needs timeLimitMs (items[1].timeLimitMs: is missing)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TimeLimitOnChoiceItem_IsRejectedBySchema()
    {
        _fixture.Item("solo", "solo-1")["timeLimitMs"] = 10000;

        var problem = SingleProblem();

        Assert.Equal(("sprints/solo.json", "solo-1"), (problem.File, problem.Item));
        Assert.StartsWith("items[0]: only timed items have timeLimitMs", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKind_IsRejectedBySchema()
    {
        _fixture.Item("solo", "solo-2")["kind"] = "quiz";

        var problem = SingleProblem();

        Assert.Equal(("sprints/solo.json", "solo-2"), (problem.File, problem.Item));
        Assert.StartsWith("items[1].kind: 'quiz' is not one of choice, rank, scale, timed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UppercaseItemId_IsRejectedBySchema()
    {
        _fixture.Item("solo", "solo-2")["id"] = "Solo-2";

        var problem = SingleProblem();

        Assert.Equal(("sprints/solo.json", "Solo-2"), (problem.File, problem.Item));
        Assert.StartsWith("items[1].id: 'Solo-2' does not match ^[a-z0-9]+(-[a-z0-9]+)*$", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateItemIdAcrossFiles_NamesSecondFileAndItem()
    {
        _fixture.Item("solo", "solo-3")["id"] = "pair-choice";

        var problem = SingleProblem();

        Assert.Equal(new ContentProblem("sprints/solo.json", "pair-choice", "the item id is also used in sprints/pair.json"), problem);
    }

    [Fact]
    public void Load_DuplicateItemIdInOneFile_IsRejected()
    {
        _fixture.Item("solo", "solo-3")["id"] = "solo-1";

        var problem = SingleProblem();

        Assert.Equal(new ContentProblem("sprints/solo.json", "solo-1", "the item id appears more than once in this sprint"), problem);
    }

    [Fact]
    public void Load_DuplicateOptionId_IsRejected()
    {
        _fixture.Item("pair", "pair-timed")["options"]![2]!["id"] = "b";

        var problem = SingleProblem();

        Assert.Equal(new ContentProblem("sprints/pair.json", "pair-timed", "option id 'b' appears more than once"), problem);
    }

    [Fact]
    public void Load_SprintIdNotFileName_NamesFile()
    {
        _fixture.Sprints["solo"]["id"] = "single";

        var problem = SingleProblem();

        Assert.Equal(new ContentProblem("sprints/solo.json", null, "the sprint id 'single' must equal the file name 'solo'"), problem);
    }

    [Fact]
    public void Load_MaxItemsAboveItemCount_IsRejected()
    {
        _fixture.Sprints["solo"]["maxItems"] = 4;

        var problem = SingleProblem();

        Assert.Equal(new ContentProblem("sprints/solo.json", null, "maxItems 4 is more than the 3 items"), problem);
    }

    [Fact]
    public void Load_SprintWithoutDescription_IsRejectedBySchema()
    {
        _fixture.Sprints["solo"].Remove("description");

        var problem = SingleProblem();

        Assert.Equal("sprints/solo.json", problem.File);
        Assert.Null(problem.Item);
        Assert.StartsWith("description: is missing", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedJson_NamesFileLineAndPosition()
    {
        var path = _fixture.WriteWithRawFile("sprints/solo.json", "{\n  \"id\": \"solo\",\n  \"skills\": [\"alpha\",\n}\n");

        var problem = Assert.Single(ContentLoader.Load(path).Problems);

        Assert.Equal("sprints/solo.json", problem.File);
        Assert.Null(problem.Item);
        Assert.Matches(@"^malformed JSON at line 4, position \d+: ", problem.Message);
    }

    [Fact]
    public void Load_TextAfterTheJson_IsRejectedAsMalformed()
    {
        var path = _fixture.WriteWithRawFile("sprints/pair.json", "{ \"id\": \"pair\" }\n{ }\n");

        var problem = Assert.Single(ContentLoader.Load(path).Problems);

        Assert.Equal("sprints/pair.json", problem.File);
        Assert.Matches(@"^malformed JSON at line 2, position \d+: Additional text", problem.Message);
    }

    [Fact]
    public void Load_DuplicateJsonKey_IsRejectedAsMalformed()
    {
        var path = _fixture.WriteWithRawFile("skills/skills.json", "{ \"skills\": [], \"skills\": [] }");

        var problems = ContentLoader.Load(path).Problems;

        Assert.Contains(problems, problem => problem.File == "skills/skills.json" && problem.Message.StartsWith("malformed JSON at line 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SkillWithFourLevels_NamesSkillsFileAndSkill()
    {
        _fixture.Skills["skills"]![0]!["levels"]!.AsArray().RemoveAt(4);

        var problem = SingleProblem();

        Assert.Equal(("skills/skills.json", "alpha"), (problem.File, problem.Item));
        Assert.StartsWith("skills[0].levels: has 4 entries; exactly 5 are allowed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EscoOutsideEsco_IsRejected()
    {
        _fixture.Skills["skills"]![1]!["esco"] = "https://example.org/teamwork";

        var problem = SingleProblem();

        Assert.Equal(("skills/skills.json", "beta"), (problem.File, problem.Item));
        Assert.StartsWith("skills[1].esco: 'https://example.org/teamwork' does not match", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateSkillId_IsRejected()
    {
        _fixture.Skills["skills"]![1]!["id"] = "alpha";
        _fixture.Sprints["pair"]["skills"] = new JsonArray("alpha");
        _fixture.Item("pair", "pair-timed")["skill"] = "alpha";
        _fixture.Item("pair", "pair-scale")["skill"] = "alpha";

        var problem = SingleProblem();

        Assert.Equal(new ContentProblem("skills/skills.json", "alpha", "the skill id appears more than once"), problem);
    }

    [Fact]
    public void Load_MissingSkillsFile_IsOneProblemAndNoCatalogues()
    {
        _fixture.Write();
        File.Delete(Path.Combine(_fixture.Path, "skills", "skills.json"));

        var result = ContentLoader.Load(_fixture.Path);

        Assert.Equal(new ContentProblem("skills/skills.json", null, "the file is missing"), Assert.Single(result.Problems));
        Assert.False(result.IsValid);
        Assert.Null(result.Skills);
        Assert.Null(result.Sprints);
    }

    [Fact]
    public void Load_ProblemsInSeveralFiles_ReportsEveryOneAndBuildsNothing()
    {
        _fixture.Item("pair", "pair-choice")["options"]![1]!["text"]!.AsObject().Remove("da");
        _fixture.Item("pair", "pair-rank")["key"] = new JsonArray("a", "b");
        _fixture.Sprints["solo"]["id"] = "single";
        _fixture.Skills["skills"]![0]!["esco"] = "http://data.europa.eu/esco/";

        var result = ContentLoader.Load(_fixture.Write());

        Assert.Equal(
            ["skills/skills.json", "sprints/pair.json", "sprints/pair.json", "sprints/solo.json"],
            result.Problems.Select(problem => problem.File).Order(StringComparer.Ordinal));
        Assert.Null(result.Skills);
        Assert.Null(result.Sprints);
    }

    private List<ContentProblem> Problems() => [.. ContentLoader.Load(_fixture.Write()).Problems];

    private ContentProblem SingleProblem()
    {
        var problems = Problems();
        Assert.True(problems.Count == 1, $"Expected one problem, got: {string.Join(" | ", problems)}");
        return problems[0];
    }
}
