using Passport.Domain.Measurement;
using Passport.Domain.Passports;

namespace Passport.Domain.Tests.Passports;

public sealed class SkillHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly IResponseModel Model = new GradedResponseModel(1.5, [-1, 0, 1]);

    private static EvidenceRecord Evidence(string skill, string item, int category, DateTimeOffset at) => new(skill, item, "s1", Model, category, at);

    [Fact]
    public void Timelines_NothingCompleted_AreEmpty()
    {
        var history = new SkillHistory();
        history.AddEvidence(Guid.NewGuid(), Evidence("teamwork", "i1", 3, Start));

        Assert.Empty(history.Timelines());
    }

    [Fact]
    public void Timelines_TwoCompletedSessions_OnePointEachWithTheEstimateAtThatTime()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var history = new SkillHistory();
        history.AddEvidence(first, Evidence("teamwork", "i1", 3, Start));
        history.AddEvidence(first, Evidence("teamwork", "i2", 3, Start.AddMinutes(1)));
        history.CompleteSession(first, Start.AddMinutes(2));
        history.AddEvidence(second, Evidence("teamwork", "i3", 0, Start.AddDays(1)));
        history.AddEvidence(second, Evidence("teamwork", "i4", 0, Start.AddDays(1).AddMinutes(1)));
        history.CompleteSession(second, Start.AddDays(1).AddMinutes(2));

        var timeline = Assert.Single(history.Timelines());

        Assert.Equal("teamwork", timeline.SkillId);
        Assert.Equal([first, second], timeline.Points.Select(point => point.SessionId));
        Assert.Equal([Start.AddMinutes(2), Start.AddDays(1).AddMinutes(2)], timeline.Points.Select(point => point.At));
        var expectedFirst = new AbilityPosterior([new ItemResponse(Model, 3), new ItemResponse(Model, 3)]).Estimate();
        var expectedSecond = new AbilityPosterior([new ItemResponse(Model, 3), new ItemResponse(Model, 3), new ItemResponse(Model, 0), new ItemResponse(Model, 0)]).Estimate();
        Assert.Equal(expectedFirst, timeline.Points[0].Estimate);
        Assert.Equal(expectedSecond, timeline.Points[1].Estimate);
        Assert.True(timeline.Points[1].Estimate.Estimate < timeline.Points[0].Estimate.Estimate);
    }

    [Fact]
    public void Timelines_SkillsOnlyGetPointsForSessionsThatMeasuredThem()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var history = new SkillHistory();
        history.AddEvidence(first, Evidence("teamwork", "i1", 2, Start));
        history.AddEvidence(first, Evidence("planning", "p1", 2, Start));
        history.CompleteSession(first, Start.AddMinutes(5));
        history.AddEvidence(second, Evidence("planning", "p2", 1, Start.AddHours(1)));
        history.CompleteSession(second, Start.AddHours(2));

        var timelines = history.Timelines().ToDictionary(timeline => timeline.SkillId);

        Assert.Single(timelines["teamwork"].Points);
        Assert.Equal(2, timelines["planning"].Points.Count);
        Assert.Equal(2, timelines["planning"].Points[1].Estimate.Evidence);
    }

    [Fact]
    public void Timelines_UnfinishedSessionAnsweredBefore_CountsInTheNextPoint()
    {
        var abandoned = Guid.NewGuid();
        var completed = Guid.NewGuid();
        var history = new SkillHistory();
        history.AddEvidence(abandoned, Evidence("teamwork", "i1", 2, Start));
        history.AddEvidence(completed, Evidence("teamwork", "i2", 2, Start.AddHours(1)));
        history.AddEvidence(abandoned, Evidence("teamwork", "i3", 2, Start.AddHours(3)));
        history.CompleteSession(completed, Start.AddHours(2));

        var point = Assert.Single(Assert.Single(history.Timelines()).Points);

        Assert.Equal(2, point.Estimate.Evidence);
    }

    [Fact]
    public void Timelines_ResponseStampedAfterItsSessionsCompletion_StillCountsForThatSession()
    {
        var session = Guid.NewGuid();
        var history = new SkillHistory();
        history.AddEvidence(session, Evidence("teamwork", "i1", 2, Start.AddSeconds(1)));
        history.CompleteSession(session, Start);
        history.CompleteSession(session, Start.AddDays(3));

        var point = Assert.Single(Assert.Single(history.Timelines()).Points);

        Assert.Equal(1, point.Estimate.Evidence);
        Assert.Equal(Start, point.At);
    }
}
