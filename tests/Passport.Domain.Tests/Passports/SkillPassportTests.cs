using Passport.Domain.Gamification;
using Passport.Domain.Measurement;
using Passport.Domain.Passports;

namespace Passport.Domain.Tests.Passports;

public sealed class SkillPassportTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly IResponseModel Model = new GradedResponseModel(1.5, [-1, 0, 1]);

    [Fact]
    public void AddEvidence_MoreResponses_NarrowTheEstimate()
    {
        var passport = new SkillPassport();
        passport.AddEvidence(new EvidenceRecord("teamwork", "i1", "s1", Model, 2, Start));
        var first = passport.EstimateFor("teamwork");

        passport.AddEvidence(new EvidenceRecord("teamwork", "i2", "s2", Model, 2, Start.AddDays(1)));
        var second = passport.EstimateFor("teamwork");

        Assert.True(second.StandardError < first.StandardError);
        Assert.Equal(2, second.Evidence);
        var skill = Assert.Single(passport.Skills);
        Assert.Equal(Start.AddDays(1), skill.UpdatedAt);
        Assert.Equal(["s1", "s2"], skill.Sprints);
        Assert.Equal(AbilityEstimate.Prior, passport.EstimateFor("planning"));
    }

    [Fact]
    public void Badges_FollowFromTheEvidence()
    {
        var passport = new SkillPassport();
        Assert.Empty(passport.Badges(["teamwork", "planning"]));

        passport.CompleteSprint("s1", Start, DateOnly.FromDateTime(Start.Date), 50);
        passport.AddEvidence(new EvidenceRecord("teamwork", "i1", "s1", Model, 1, Start));
        Assert.Equal([Badges.FirstSprint], passport.Badges(["teamwork", "planning"]));

        passport.AddEvidence(new EvidenceRecord("planning", "i2", "s1", Model, 1, Start));
        passport.CompleteSprint("s1", Start.AddDays(1), DateOnly.FromDateTime(Start.Date).AddDays(1), 50);
        passport.CompleteSprint("s2", Start.AddDays(2), DateOnly.FromDateTime(Start.Date).AddDays(2), 50);
        for (var index = 0; index < 30; index++)
        {
            passport.AddEvidence(new EvidenceRecord("planning", $"p{index}", "s2", Model, index % 4, Start));
        }

        Assert.Equal([Badges.FirstSprint, Badges.AllSkillsExplored, Badges.ThreeDayStreak, Badges.PreciseSkill], passport.Badges(["teamwork", "planning"]));
        Assert.Equal(150, passport.TotalXp);
        Assert.Equal(3, passport.CompletedSprints);
        Assert.Equal(Start.AddDays(2), passport.LastCompleted("s2"));
    }
}
