using System.Collections.Immutable;
using Passport.Domain.Sprints;
using Passport.Grains.JobSeekers;
using Passport.Grains.Sprints;

namespace Passport.Grains.Tests.Sprints;

[Collection(ClusterCollection.Name)]
public sealed class SprintSessionGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task StartSprint_NewPlayer_PresentsFirstItemOfTheSprint()
    {
        var (_, observer, started) = await StartAsync("pair");

        var item = await observer.NextAsync<PresentedItem>();

        Assert.Equal(started.SessionId, item.SessionId);
        Assert.StartsWith("pair-", item.ItemId, StringComparison.Ordinal);
        Assert.Equal(0, item.Index);
        Assert.Equal(8, started.MaxItems);
        Assert.Equal("Pair", started.Title);
    }

    [Fact]
    public async Task SubmitAnswer_AcceptedAnswer_IsStoredThenAcknowledgedAndNextItemPresented()
    {
        var (userId, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var session = fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId);

        var outcome = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);

        Assert.True(outcome.Succeeded);
        var scored = await observer.NextAsync<ScoredAnswer>();
        Assert.Equal(outcome.Value!.Scored, scored);
        Assert.True(scored.Xp > 0);
        Assert.Equal(scored.Xp, scored.TotalXp);
        var next = await observer.NextAsync<PresentedItem>();
        Assert.NotEqual(item.ItemId, next.ItemId);
        Assert.Equal(1, next.Index);
        var stored = await new Data.Sprints.SprintRepository(fixture.Database).GetResponsesOfSessionAsync(started.SessionId);
        Assert.Equal(item.ItemId, Assert.Single(stored).ItemId);
    }

    [Fact]
    public async Task SubmitAnswer_SameAnswerTwice_CountsOnce()
    {
        var (userId, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var session = fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId);
        var first = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);
        var passportBefore = await fixture.Grains.GetGrain<IJobSeekerGrain>(userId).GetPassportAsync();

        var again = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);

        Assert.True(again.Succeeded);
        Assert.Equal(first.Value!.Scored.TotalXp, again.Value!.Scored.TotalXp);
        var passportAfter = await fixture.Grains.GetGrain<IJobSeekerGrain>(userId).GetPassportAsync();
        Assert.Equal(passportBefore.TotalXp, passportAfter.TotalXp);
        Assert.Equal(passportBefore.Skills.Sum(skill => skill.EvidenceCount), passportAfter.Skills.Sum(skill => skill.EvidenceCount));
        Assert.Equal(passportBefore.Skills.Select(skill => skill.Estimate), passportAfter.Skills.Select(skill => skill.Estimate));
    }

    [Fact]
    public async Task SubmitAnswer_DifferentAnswerToAnsweredItem_IsRefused()
    {
        var (userId, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var session = fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId);
        await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);

        var changed = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: false), null);

        Assert.Equal(SprintError.AlreadyAnswered, changed.Error);
    }

    [Fact]
    public async Task SubmitAnswer_SomeoneElsesSession_IsRefusedAsUnknown()
    {
        var (_, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var stranger = await fixture.NewJobSeekerAsync();

        var outcome = await fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId)
            .SubmitAnswerAsync(stranger, item.ItemId, AnswerFor(item, best: true), null);

        Assert.Equal(SprintError.UnknownSession, outcome.Error);
        Assert.Equal(SprintError.UnknownSession, (await fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId).GetAsync(stranger)).Error);
    }

    [Fact]
    public async Task SubmitAnswer_NonexistentSession_IsRefusedAsUnknown()
    {
        var userId = await fixture.NewJobSeekerAsync();

        var outcome = await fixture.Grains.GetGrain<ISprintSessionGrain>(Guid.NewGuid())
            .SubmitAnswerAsync(userId, "pair-alpha-0", new SprintAnswer("a", null, null), null);

        Assert.Equal(SprintError.UnknownSession, outcome.Error);
    }

    [Theory]
    [InlineData("other-item", SprintError.WrongItem)]
    [InlineData("shape", SprintError.WrongShape)]
    [InlineData("option", SprintError.UnknownOption)]
    public async Task SubmitAnswer_BadAnswer_IsRefusedAndSessionUnharmed(string fault, SprintError expected)
    {
        var (userId, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var session = fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId);
        var (itemId, answer) = fault switch
        {
            "other-item" => (item.ItemId == "pair-alpha-5" ? "pair-beta-5" : "pair-alpha-5", AnswerFor(item, best: true)),
            "shape" => (item.ItemId, item.Kind == "scale" ? new SprintAnswer("a", null, null) : new SprintAnswer(null, null, 3)),
            _ => (item.ItemId, item.Kind == "scale" ? new SprintAnswer(null, null, 9) : item.Kind == "rank" ? new SprintAnswer(null, ["x", "y", "z"], null) : new SprintAnswer("zz", null, null)),
        };

        var refused = await session.SubmitAnswerAsync(userId, itemId, answer, null);
        var accepted = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);

        Assert.Equal(fault == "option" && item.Kind == "scale" ? SprintError.OutOfRange : expected, refused.Error);
        Assert.True(accepted.Succeeded);
        Assert.Equal(accepted.Value!.Scored.Xp, accepted.Value.Scored.TotalXp);
    }

    [Fact]
    public async Task TimedItem_TimeRunsOut_ServerMovesOnAndRefusesTheLateAnswer()
    {
        var (userId, observer, started) = await StartAsync("quick");
        var first = await observer.NextAsync<PresentedItem>();
        Assert.Equal(300, first.TimeLimitMs);
        Assert.NotNull(first.Deadline);

        // Nobody answers: the server's clock runs the item out and presents the next one by itself.
        var second = await observer.NextAsync<PresentedItem>();
        var late = await fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId)
            .SubmitAnswerAsync(userId, first.ItemId, new SprintAnswer("yes", null, null), null);

        Assert.NotEqual(first.ItemId, second.ItemId);
        Assert.Equal(SprintError.TimeUp, late.Error);
        var passport = await fixture.Grains.GetGrain<IJobSeekerGrain>(userId).GetPassportAsync();
        Assert.Empty(passport.Skills);
    }

    [Fact]
    public async Task PlayingToTheEnd_CompletesWithEstimatesAndFillsThePassport()
    {
        var (userId, observer, started) = await StartAsync("pair");

        var completed = await PlayToEndAsync(userId, observer, started.SessionId);

        Assert.Equal(["alpha", "beta"], completed.Skills.Select(skill => skill.SkillId));
        Assert.All(completed.Skills, skill => Assert.InRange(skill.StandardError, 0.05, 0.99));
        Assert.All(completed.Skills, skill => Assert.InRange(skill.Level, 1, 5));
        Assert.All(completed.Skills, skill => Assert.StartsWith(skill.SkillId + " strength", skill.Strength, StringComparison.Ordinal));
        Assert.Contains("first-sprint", completed.NewBadges);
        var passport = await fixture.Grains.GetGrain<IJobSeekerGrain>(userId).GetPassportAsync();
        Assert.Equal(completed.TotalXp, passport.TotalXp);
        Assert.Equal(1, passport.CompletedSprints);
        Assert.Equal(1, passport.StreakDays);
        Assert.All(passport.Skills, skill => Assert.True(skill.EvidenceCount > 0));
        var after = await fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId).GetAsync(userId);
        Assert.Equal(SessionStatus.Completed, after.Value!.Status);
    }

    [Fact]
    public async Task SecondSprintOnTheSameSkill_LowersItsStandardError()
    {
        var (userId, observer, started) = await StartAsync("pair");
        await PlayToEndAsync(userId, observer, started.SessionId);
        var jobSeeker = fixture.Grains.GetGrain<IJobSeekerGrain>(userId);
        var before = (await jobSeeker.GetPassportAsync()).Skills.Single(skill => skill.SkillId == "alpha");

        var second = new RecordingObserver();
        var start = await jobSeeker.StartSprintAsync("solo", "en", fixture.Grains.CreateObjectReference<ISprintObserver>(second));
        await PlayToEndAsync(userId, second, start.Value!.Session.SessionId);

        var after = (await jobSeeker.GetPassportAsync()).Skills.Single(skill => skill.SkillId == "alpha");
        Assert.True(after.StandardError < before.StandardError, $"{after.StandardError} should be below {before.StandardError}");
        Assert.True(after.EvidenceCount > before.EvidenceCount);
        Assert.Equal(["pair", "solo"], after.Sprints.ToArray());
    }

    [Fact]
    public async Task SkillHistory_TwoCompletedSprints_OnePointPerSessionThatMeasuredTheSkillAndRebuiltAfterDeactivation()
    {
        var (userId, observer, started) = await StartAsync("pair");
        await PlayToEndAsync(userId, observer, started.SessionId);
        var jobSeeker = fixture.Grains.GetGrain<IJobSeekerGrain>(userId);
        var afterFirst = await jobSeeker.GetPassportAsync();
        var second = new RecordingObserver();
        var start = await jobSeeker.StartSprintAsync("solo", "en", fixture.Grains.CreateObjectReference<ISprintObserver>(second));
        await PlayToEndAsync(userId, second, start.Value!.Session.SessionId);

        var history = await jobSeeker.GetSkillHistoryAsync();
        var passport = await jobSeeker.GetPassportAsync();

        Assert.Equal(["alpha", "beta"], history.Skills.Select(line => line.SkillId));
        var alpha = history.Skills[0].Points;
        var beta = history.Skills[1].Points;
        Assert.Equal(2, alpha.Length);
        Assert.Single(beta);
        Assert.True(alpha[0].At < alpha[1].At);
        Assert.Equal(afterFirst.Skills.Single(skill => skill.SkillId == "alpha").StandardError, alpha[0].StandardError, 9);
        Assert.Equal(passport.Skills.Single(skill => skill.SkillId == "alpha").Estimate, alpha[1].Estimate, 9);
        Assert.Equal(passport.Skills.Single(skill => skill.SkillId == "alpha").Level, alpha[1].Level);
        Assert.True(alpha[1].StandardError < alpha[0].StandardError);

        await fixture.Cluster.DeactivateAsync(jobSeeker);
        var reloaded = await fixture.Grains.GetGrain<IJobSeekerGrain>(userId).GetSkillHistoryAsync();

        Assert.Equal(
            history.Skills.SelectMany(line => line.Points.Select(point => (line.SkillId, point.At.ToUnixTimeMilliseconds(), Math.Round(point.Estimate, 9)))),
            reloaded.Skills.SelectMany(line => line.Points.Select(point => (line.SkillId, point.At.ToUnixTimeMilliseconds(), Math.Round(point.Estimate, 9)))));
    }

    [Fact]
    public async Task Replay_AfterCooldown_PresentsItemsNotSeenBefore()
    {
        var (userId, observer, started) = await StartAsync("solo");
        var seen = new HashSet<string>();
        await PlayToEndAsync(userId, observer, started.SessionId, seen);

        var replay = new RecordingObserver();
        var start = await fixture.Grains.GetGrain<IJobSeekerGrain>(userId)
            .StartSprintAsync("solo", "en", fixture.Grains.CreateObjectReference<ISprintObserver>(replay));
        var first = await replay.NextAsync<PresentedItem>();

        Assert.False(start.Value!.Resume);
        Assert.NotEqual(started.SessionId, start.Value.Session.SessionId);
        Assert.DoesNotContain(first.ItemId, seen);
    }

    [Fact]
    public async Task StartSprint_UnfinishedSessionOfThatSprint_IsHandedBackForResuming()
    {
        var (userId, observer, started) = await StartAsync("pair");
        await observer.NextAsync<PresentedItem>();

        var again = await fixture.Grains.GetGrain<IJobSeekerGrain>(userId).StartSprintAsync("pair", "en", null);

        Assert.True(again.Value!.Resume);
        Assert.Equal(started.SessionId, again.Value.Session.SessionId);
    }

    [Fact]
    public async Task StartSprint_UnknownSprint_IsRefused()
    {
        var userId = await fixture.NewJobSeekerAsync();

        var outcome = await fixture.Grains.GetGrain<IJobSeekerGrain>(userId).StartSprintAsync("no-such-sprint", "en", null);

        Assert.Equal(SprintError.UnknownSprint, outcome.Error);
    }

    [Fact]
    public async Task Pause_ByTheObserverPlayingIt_RefusesAnswersUntilResumed()
    {
        var (userId, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var session = fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId);
        await session.PauseAsync(userId, observer.Reference(fixture.Grains));
        var whilePaused = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);
        var resumedObserver = new RecordingObserver();
        var resumed = await session.ResumeAsync(userId, "nl", fixture.Grains.CreateObjectReference<ISprintObserver>(resumedObserver));
        var again = await resumedObserver.NextAsync<PresentedItem>();

        Assert.Equal(SprintError.SessionPaused, whilePaused.Error);
        Assert.Equal(SessionStatus.InProgress, resumed.Value!.Status);
        Assert.Equal(item.ItemId, again.ItemId);
        Assert.EndsWith("(nl)", again.Prompt, StringComparison.Ordinal);
        Assert.True((await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null)).Succeeded);
    }

    [Fact]
    public async Task Pause_OneOfTwoScreensDrops_TheOtherPlaysOnWithItsPushes()
    {
        var (userId, phone, started) = await StartAsync("pair");
        var item = await phone.NextAsync<PresentedItem>();
        var session = fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId);
        var tab = new RecordingObserver();
        await session.ResumeAsync(userId, "en", tab.Reference(fixture.Grains));
        await tab.NextAsync<PresentedItem>();

        await session.PauseAsync(userId, phone.Reference(fixture.Grains));
        var outcome = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);

        Assert.True(outcome.Succeeded, outcome.Error.ToString());
        Assert.Equal(outcome.Value!.Scored, await tab.NextAsync<ScoredAnswer>());
        Assert.Equal(outcome.Value.Next!.ItemId, (await tab.NextAsync<PresentedItem>()).ItemId);
    }

    [Fact]
    public async Task Session_AfterDeactivation_ResumesWhereItWasFromTheDatabase()
    {
        var (userId, observer, started) = await StartAsync("pair");
        var first = await observer.NextAsync<PresentedItem>();
        var session = fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId);
        await session.SubmitAnswerAsync(userId, first.ItemId, AnswerFor(first, best: true), null);
        await observer.NextAsync<ScoredAnswer>();
        var current = await observer.NextAsync<PresentedItem>();

        // As after a host crash: every activation is dropped and must come back from what was stored.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var resumedObserver = new RecordingObserver();
        var resumed = await session.ResumeAsync(userId, "en", fixture.Grains.CreateObjectReference<ISprintObserver>(resumedObserver));
        var presented = await resumedObserver.NextAsync<PresentedItem>();
        var retry = await session.SubmitAnswerAsync(userId, first.ItemId, AnswerFor(first, best: true), null);

        Assert.Equal(1, resumed.Value!.Answered);
        Assert.Equal(current.ItemId, presented.ItemId);
        Assert.True(retry.Succeeded);
        Assert.Equal(retry.Value!.Scored.Xp, retry.Value.Scored.TotalXp);
    }

    [Fact]
    public async Task Abandon_EndsTheSessionAndKeepsItsAnswers()
    {
        var (userId, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var session = fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId);
        await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);
        var next = (await session.GetAsync(userId)).Value!.Current!;

        var abandoned = await session.AbandonAsync(userId);
        var afterwards = await session.SubmitAnswerAsync(userId, next.ItemId, AnswerFor(next, best: true), null);

        Assert.Equal(SessionStatus.Abandoned, abandoned.Value!.Status);
        Assert.Equal(SprintError.SessionFinished, afterwards.Error);
        Assert.Equal(SprintError.SessionFinished, (await session.AbandonAsync(userId)).Error);
        var passport = await fixture.Grains.GetGrain<IJobSeekerGrain>(userId).GetPassportAsync();
        Assert.Equal(1, passport.Skills.Sum(skill => skill.EvidenceCount));
        Assert.Empty(passport.OpenSessions);
    }

    private async Task<(Guid UserId, RecordingObserver Observer, SessionStarted Started)> StartAsync(string sprintId)
    {
        var userId = await fixture.NewJobSeekerAsync();
        var observer = new RecordingObserver();
        var outcome = await fixture.Grains.GetGrain<IJobSeekerGrain>(userId).StartSprintAsync(sprintId, "en", observer.Reference(fixture.Grains));
        Assert.True(outcome.Succeeded, outcome.Error.ToString());
        Assert.False(outcome.Value!.Resume);
        return (userId, observer, outcome.Value.Session);
    }

    private async Task<CompletedSprint> PlayToEndAsync(Guid userId, RecordingObserver observer, Guid sessionId, HashSet<string>? seen = null)
    {
        var session = fixture.Grains.GetGrain<ISprintSessionGrain>(sessionId);
        var item = await observer.NextAsync<PresentedItem>();
        for (var answered = 1; ; answered++)
        {
            seen?.Add(item.ItemId);
            var outcome = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: answered % 3 != 0), null);
            Assert.True(outcome.Succeeded, outcome.Error.ToString());
            await observer.NextAsync<ScoredAnswer>();
            Assert.True(answered <= item.MaxItems, "the sprint must stop at its item limit");
            if (outcome.Value!.Scored.Progress >= 1.0)
            {
                return await observer.NextAsync<CompletedSprint>();
            }

            item = await observer.NextAsync<PresentedItem>();
        }
    }

    /// <summary>A valid answer of the item's shape: the top option, the key's order or the scale's top, or a weak one.</summary>
    internal static SprintAnswer AnswerFor(PresentedItem item, bool best) => item.Kind switch
    {
        "rank" => new SprintAnswer(null, best ? ImmutableArray.Create("c", "a", "b") : ImmutableArray.Create("b", "a", "c"), null),
        "scale" => new SprintAnswer(null, null, best ? item.Scale!.Max : item.Scale!.Min),
        "timed" => new SprintAnswer(best ? "yes" : "no", null, null),
        _ => new SprintAnswer(best ? "d" : "a", null, null),
    };
}
