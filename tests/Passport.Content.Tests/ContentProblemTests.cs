using Passport.Content.Validation;

namespace Passport.Content.Tests;

public sealed class ContentProblemTests
{
    [Fact]
    public void ToString_ItemProblem_NamesFileAndItem()
    {
        var problem = new ContentProblem("sprints/team-shift.json", "team-shift-07", "option scores must be 0…2, each used once at least");

        Assert.Equal("sprints/team-shift.json, item team-shift-07: option scores must be 0…2, each used once at least", problem.ToString());
    }

    [Fact]
    public void ToString_FileProblem_NamesOnlyFile()
    {
        Assert.Equal("sprints/x.json: the file is missing", new ContentProblem("sprints/x.json", null, "the file is missing").ToString());
    }

    [Fact]
    public void ToString_SkillProblem_SaysSkill()
    {
        Assert.Equal("skills/skills.json, skill teamwork: bad", new ContentProblem("skills/skills.json", "teamwork", "bad").ToString());
    }
}
