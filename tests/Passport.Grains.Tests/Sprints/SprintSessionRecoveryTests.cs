using Passport.Data.Sprints;
using Passport.Domain.Sprints;
using Passport.Grains.JobSeekers;
using Passport.Grains.Sprints;
using static Passport.Grains.Tests.Sprints.SprintSessionGrainTests;

namespace Passport.Grains.Tests.Sprints;

/// <summary>
/// A session after things went wrong: activated again elsewhere, a write that failed or failed after committing,
/// another writer in between, a row left where it cannot go on. The player can always continue.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SprintSessionRecoveryTests(ClusterFixture fixture) : IDisposable
{
    private readonly SprintRepository _rows = new(fixture.Database);

    [Fact]
    public async Task SubmitAnswer_SessionActivatedAgain_PushesToTheObserverTheCallNames()
    {
        var (userId, first, started) = await StartAsync("pair");
        var item = await first.NextAsync<PresentedItem>();
        var session = Session(started);

        // As when the silo holding the session goes: the next call activates it afresh, which knows no observer.
        await fixture.Cluster.DeactivateAsync(session);
        var player = new RecordingObserver();
        var outcome = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), player.Reference(fixture.Grains));

        Assert.True(outcome.Succeeded, outcome.Error.ToString());
        Assert.Equal(outcome.Value!.Scored, await player.NextAsync<ScoredAnswer>());
        var pushed = await player.NextAsync<PresentedItem>();
        Assert.Equal(outcome.Value.Next!.ItemId, pushed.ItemId);
        Assert.Equal(1, pushed.Index);
    }

    [Fact]
    public async Task SubmitAnswer_NoObserverAtAll_TheRepliesAloneCarryThePlayToItsResult()
    {
        var userId = await fixture.NewJobSeekerAsync();
        var start = await JobSeeker(userId).StartSprintAsync("solo", "en", null);

        var last = await PlayToEndAsync(userId, start.Value!.Session);

        Assert.Null(last.Next);
        Assert.Equal(1.0, last.Scored.Progress);
        var completed = Assert.IsType<CompletedSprint>(last.Completed);
        Assert.Equal((await JobSeeker(userId).GetPassportAsync()).TotalXp, completed.TotalXp);
        Assert.Contains("first-sprint", completed.NewBadges);
    }

    [Fact]
    public async Task SubmitAnswer_StoredButTheCallerGotAnError_IsAcknowledgedWhenSentAgainAndThePlayGoesOn()
    {
        var (userId, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var session = Session(started);
        fixture.Store.FailNextWrite(started.SessionId, FaultySessionStore.Fault.FailAfterStoring);

        await Assert.ThrowsAnyAsync<Exception>(() => session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null));
        var retry = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);

        Assert.True(retry.Succeeded, retry.Error.ToString());
        var next = retry.Value!.Next!;
        Assert.NotEqual(item.ItemId, next.ItemId);
        Assert.Equal(1, next.Index);
        Assert.Equal(item.ItemId, Assert.Single(await _rows.GetResponsesOfSessionAsync(started.SessionId)).ItemId);
        var passport = await JobSeeker(userId).GetPassportAsync();
        Assert.Equal(retry.Value.Scored.Xp, passport.TotalXp);
        Assert.Equal(passport.TotalXp, retry.Value.Scored.TotalXp);
        Assert.Equal(next.ItemId, (await session.ResumeAsync(userId, "en", null)).Value!.Current!.ItemId);
        Assert.True((await session.SubmitAnswerAsync(userId, next.ItemId, AnswerFor(next, best: true), null)).Succeeded);
    }

    [Fact]
    public async Task SubmitAnswer_FailedBeforeItWasStored_IsScoredWhenSentAgain()
    {
        var (userId, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var session = Session(started);
        fixture.Store.FailNextWrite(started.SessionId, FaultySessionStore.Fault.FailBeforeStoring);

        await Assert.ThrowsAnyAsync<Exception>(() => session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null));
        Assert.Empty(await _rows.GetResponsesOfSessionAsync(started.SessionId));
        var retry = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);

        Assert.True(retry.Succeeded, retry.Error.ToString());
        Assert.Equal(1, retry.Value!.Next!.Index);
        Assert.Single(await _rows.GetResponsesOfSessionAsync(started.SessionId));
        Assert.Equal(retry.Value.Scored.Xp, (await JobSeeker(userId).GetPassportAsync()).TotalXp);
    }

    [Fact]
    public async Task SubmitAnswer_CommittedThenRunAgainAlone_IsOneSuccessCountedOnce()
    {
        var (userId, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var session = Session(started);

        // The group commit's retry of a batch that failed after committing finds the answer stored: not an error.
        fixture.Store.FailNextWrite(started.SessionId, FaultySessionStore.Fault.CommitThenRunAgain);
        var outcome = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);

        Assert.True(outcome.Succeeded, outcome.Error.ToString());
        Assert.Equal(item.ItemId, outcome.Value!.Scored.ItemId);
        Assert.NotEqual(item.ItemId, outcome.Value.Next!.ItemId);
        Assert.Single(await _rows.GetResponsesOfSessionAsync(started.SessionId));
        Assert.Equal(outcome.Value.Scored.Xp, (await JobSeeker(userId).GetPassportAsync()).TotalXp);
    }

    [Fact]
    public async Task StartSprint_AfterAnAnswerStoredWithAnError_ResumesAtAnItemNotYetAnswered()
    {
        var (userId, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var session = Session(started);
        fixture.Store.FailNextWrite(started.SessionId, FaultySessionStore.Fault.FailAfterStoring);
        await Assert.ThrowsAnyAsync<Exception>(() => session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null));

        var again = await JobSeeker(userId).StartSprintAsync("pair", "en", null);
        var player = new RecordingObserver();
        var resumed = await session.ResumeAsync(userId, "en", player.Reference(fixture.Grains));

        Assert.True(again.Value!.Resume);
        Assert.Equal(started.SessionId, again.Value.Session.SessionId);
        var current = resumed.Value!.Current!;
        Assert.NotEqual(item.ItemId, current.ItemId);
        Assert.Equal(current.ItemId, (await player.NextAsync<PresentedItem>()).ItemId);
        Assert.Equal(1, resumed.Value.Answered);
    }

    [Fact]
    public async Task Session_StoodAtAnItemAlreadyAnswered_MovesOnWhenReadAgain()
    {
        var (userId, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var session = Session(started);
        Assert.True((await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null)).Succeeded);

        // What an older version could leave behind: the answer stored, the row put back at the answered item.
        var row = (await _rows.GetSessionAsync(started.SessionId))!;
        var broken = row.NextVersion();
        broken.CurrentItemId = item.ItemId;
        broken.PresentedCount = 1;
        Assert.Equal(SprintWrite.Stored, await _rows.UpdateSessionAsync(broken));
        await fixture.Cluster.DeactivateAsync(session);

        var resumed = await session.ResumeAsync(userId, "en", null);

        var current = resumed.Value!.Current!;
        Assert.NotEqual(item.ItemId, current.ItemId);
        Assert.True((await session.SubmitAnswerAsync(userId, current.ItemId, AnswerFor(current, best: true), null)).Succeeded);
        Assert.Equal(2, (await _rows.GetResponsesOfSessionAsync(started.SessionId)).Count);
    }

    [Fact]
    public async Task SubmitAnswer_SessionMovedOnInTheDatabase_IsRefusedByItsVersionAndTheTruthIsReadAgain()
    {
        var (userId, observer, started) = await StartAsync("pair");
        var item = await observer.NextAsync<PresentedItem>();
        var session = Session(started);

        // Another writer paused the session after this activation read it.
        var paused = (await _rows.GetSessionAsync(started.SessionId))!.NextVersion();
        paused.Status = nameof(SessionStatus.Paused);
        Assert.Equal(SprintWrite.Stored, await _rows.UpdateSessionAsync(paused));
        var outcome = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);

        Assert.Equal(SprintError.SessionPaused, outcome.Error);
        Assert.Empty(await _rows.GetResponsesOfSessionAsync(started.SessionId));
        Assert.Equal(paused.Version, (await _rows.GetSessionAsync(started.SessionId))!.Version);
        Assert.Equal(item.ItemId, (await session.ResumeAsync(userId, "en", null)).Value!.Current!.ItemId);
        Assert.True((await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null)).Succeeded);
    }

    [Fact]
    public async Task SubmitAnswer_SentAgainAfterTheSessionWasReadAgain_ReportsThePassportsTotal()
    {
        var userId = await fixture.NewJobSeekerAsync();
        var solo = await JobSeeker(userId).StartSprintAsync("solo", "en", null);
        var soloXp = (await PlayToEndAsync(userId, solo.Value!.Session)).Completed!.TotalXp;
        var pair = (await JobSeeker(userId).StartSprintAsync("pair", "en", null)).Value!.Session;
        var item = pair.First!;
        var session = Session(pair);
        var first = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);

        await fixture.Cluster.DeactivateAsync(session);
        var again = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: true), null);

        Assert.Equal(soloXp + first.Value!.Scored.Xp, first.Value.Scored.TotalXp);
        Assert.Equal(first.Value.Scored.TotalXp, again.Value!.Scored.TotalXp);
        Assert.Equal((await JobSeeker(userId).GetPassportAsync()).TotalXp, again.Value.Scored.TotalXp);
    }

    public void Dispose() => _rows.Dispose();

    private IJobSeekerGrain JobSeeker(Guid userId) => fixture.Grains.GetGrain<IJobSeekerGrain>(userId);

    private ISprintSessionGrain Session(SessionStarted started) => fixture.Grains.GetGrain<ISprintSessionGrain>(started.SessionId);

    private async Task<(Guid UserId, RecordingObserver Observer, SessionStarted Started)> StartAsync(string sprintId)
    {
        var userId = await fixture.NewJobSeekerAsync();
        var observer = new RecordingObserver();
        var outcome = await JobSeeker(userId).StartSprintAsync(sprintId, "en", observer.Reference(fixture.Grains));
        Assert.True(outcome.Succeeded, outcome.Error.ToString());
        return (userId, observer, outcome.Value!.Session);
    }

    /// <summary>Plays from the replies alone, never a push: each reply names the next item, the last the result.</summary>
    private async Task<AnswerStep> PlayToEndAsync(Guid userId, SessionStarted started)
    {
        var session = Session(started);
        var item = started.First!;
        for (var answered = 1; ; answered++)
        {
            var outcome = await session.SubmitAnswerAsync(userId, item.ItemId, AnswerFor(item, best: answered % 2 == 0), null);
            Assert.True(outcome.Succeeded, outcome.Error.ToString());
            if (outcome.Value!.Completed is not null)
            {
                return outcome.Value;
            }

            Assert.True(answered < item.MaxItems, "the sprint must stop at its item limit");
            item = outcome.Value.Next!;
        }
    }
}
