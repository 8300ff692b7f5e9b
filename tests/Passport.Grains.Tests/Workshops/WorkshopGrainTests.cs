using Passport.Data.Workshops;
using Passport.Domain.Sprints;
using Passport.Domain.Workshops;
using Passport.Grains.JobSeekers;
using Passport.Grains.Sprints;
using Passport.Grains.Tests.Sprints;
using Passport.Grains.Workshops;

namespace Passport.Grains.Tests.Workshops;

[Collection(ClusterCollection.Name)]
public sealed class WorkshopGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Open_StoresTheWorkshopWithAJoinCodeThatFindsIt()
    {
        var (coachId, organisationId) = await fixture.NewCoachAsync();
        var workshopId = Guid.CreateVersion7();

        var code = await fixture.Grains.GetGrain<IWorkshopGrain>(workshopId).OpenAsync(coachId, organisationId, " Tuesday group ");

        Assert.True(JoinCode.TryParse(code, out _));
        var stored = await new WorkshopRepository(fixture.Database).FindByCodeAsync(code);
        Assert.NotNull(stored);
        Assert.Equal(workshopId, stored.Id);
        Assert.Equal("Tuesday group", stored.Title);
        Assert.Equal("Youth Desk", stored.OrganisationName);
        Assert.Equal(nameof(WorkshopStatus.Open), stored.Status);
    }

    [Fact]
    public async Task Board_ParticipantPlaysASprint_ShowsTheirProgressLiveAndDoneAtTheEnd()
    {
        var (coachId, organisationId) = await fixture.NewCoachAsync();
        var workshop = fixture.Grains.GetGrain<IWorkshopGrain>(Guid.CreateVersion7());
        await workshop.OpenAsync(coachId, organisationId, "Tuesday group");
        var board = new RecordingBoard();
        var reference = fixture.Grains.CreateObjectReference<IWorkshopObserver>(board);
        Assert.NotNull(await workshop.SubscribeAsync(coachId, organisationId, reference));
        var userId = await fixture.NewJobSeekerAsync();
        var jobSeeker = fixture.Grains.GetGrain<IJobSeekerGrain>(userId);

        Assert.True(await jobSeeker.JoinWorkshopAsync(workshop.GetPrimaryKey(), "Sam"));
        var joined = await board.UntilAsync(snapshot => snapshot.Participants.Length == 1);
        Assert.Equal("Sam", joined.Participants[0].DisplayName);
        Assert.Null(joined.Participants[0].SprintId);

        var player = new RecordingObserver();
        var started = await jobSeeker.StartSprintAsync("pair", "en", player.Reference(fixture.Grains));
        var session = fixture.Grains.GetGrain<ISprintSessionGrain>(started.Value!.Session.SessionId);
        await board.UntilAsync(snapshot => snapshot.Participants[0] is { SprintId: "pair", Answered: 0 });
        var item = await player.NextAsync<PresentedItem>();
        for (var answered = 1; ; answered++)
        {
            var outcome = await session.SubmitAnswerAsync(userId, item.ItemId, SprintSessionGrainTests.AnswerFor(item, best: true), null);
            Assert.True(outcome.Succeeded, outcome.Error.ToString());
            var shown = await board.UntilAsync(snapshot => snapshot.Participants[0].Answered == answered);
            Assert.Equal(8, shown.Participants[0].MaxItems);
            await player.NextAsync<ScoredAnswer>();
            if (outcome.Value!.Scored.Progress >= 1.0)
            {
                Assert.True(shown.Participants[0].SprintCompleted);
                Assert.Equal("pair", Assert.Single(shown.Participants[0].CompletedSprints));
                break;
            }

            Assert.False(shown.Participants[0].SprintCompleted);
            item = await player.NextAsync<PresentedItem>();
        }

        var later = await workshop.GetBoardAsync(coachId, organisationId);
        Assert.Equal("pair", Assert.Single(later!.Participants[0].CompletedSprints));
        await workshop.UnsubscribeAsync(reference);
        fixture.Grains.DeleteObjectReference<IWorkshopObserver>(reference);
    }

    [Fact]
    public async Task Board_ParticipantStopsForNowThenResumes_ShowsPausedThenPlayingLive()
    {
        var (workshop, board, userId, player, session) = await PlayingInAWorkshopAsync();
        var item = await player.NextAsync<PresentedItem>();
        Assert.True((await session.SubmitAnswerAsync(userId, item.ItemId, SprintSessionGrainTests.AnswerFor(item, best: true), null)).Succeeded);
        var playing = await board.UntilAsync(snapshot => snapshot.Participants[0].Answered == 1);
        Assert.Equal(ParticipantActivity.Playing, playing.Participants[0].Activity);

        await session.PauseAsync(userId, player.Reference(fixture.Grains));

        var paused = await board.UntilAsync(snapshot => snapshot.Participants[0].Activity == ParticipantActivity.Paused);
        Assert.Equal(1, paused.Participants[0].Answered);
        Assert.False(paused.Participants[0].SprintCompleted);
        Assert.Equal(ParticipantActivity.Paused, (await workshop.Grain.GetBoardAsync(workshop.CoachId, workshop.OrganisationId))!.Participants[0].Activity);

        Assert.True((await session.ResumeAsync(userId, "en", new RecordingObserver().Reference(fixture.Grains))).Succeeded);

        var resumed = await board.UntilAsync(snapshot => snapshot.Participants[0].Activity == ParticipantActivity.Playing);
        Assert.Equal(1, resumed.Participants[0].Answered);
    }

    [Fact]
    public async Task Board_ParticipantStopsTheSprint_ShowsStopped()
    {
        var (_, board, userId, _, session) = await PlayingInAWorkshopAsync();

        Assert.True((await session.AbandonAsync(userId)).Succeeded);

        var stopped = await board.UntilAsync(snapshot => snapshot.Participants[0].Activity == ParticipantActivity.Stopped);
        Assert.Empty(stopped.Participants[0].CompletedSprints);
    }

    [Fact]
    public async Task ReportProgress_OlderReportOfTheSameSession_DoesNotStepTheBoardBack()
    {
        var (coachId, organisationId) = await fixture.NewCoachAsync();
        var workshop = fixture.Grains.GetGrain<IWorkshopGrain>(Guid.CreateVersion7());
        await workshop.OpenAsync(coachId, organisationId, "Late reports");
        var userId = await fixture.NewJobSeekerAsync();
        await workshop.JoinAsync(userId, "Sam");
        var sessionId = Guid.NewGuid();
        var board = new RecordingBoard();
        await workshop.SubscribeAsync(coachId, organisationId, fixture.Grains.CreateObjectReference<IWorkshopObserver>(board));
        await workshop.ReportProgressAsync(new ProgressReport(userId, sessionId, "pair", 2, 8, SessionStatus.Paused, 4));
        await board.UntilAsync(snapshot => snapshot.Participants[0].Activity == ParticipantActivity.Paused);

        // The late report is older than the one shown; the next one is newer, so it is the next board pushed.
        await workshop.ReportProgressAsync(new ProgressReport(userId, sessionId, "pair", 2, 8, SessionStatus.InProgress, 3));
        await workshop.ReportProgressAsync(new ProgressReport(userId, sessionId, "pair", 3, 8, SessionStatus.Paused, 6));

        var next = await board.UntilAsync(_ => true);
        Assert.Equal(ParticipantActivity.Paused, next.Participants[0].Activity);
        Assert.Equal(3, next.Participants[0].Answered);
    }

    [Fact]
    public async Task Join_AfterClose_IsRefused()
    {
        var (coachId, organisationId) = await fixture.NewCoachAsync();
        var workshop = fixture.Grains.GetGrain<IWorkshopGrain>(Guid.CreateVersion7());
        await workshop.OpenAsync(coachId, organisationId, "Closing soon");
        var userId = await fixture.NewJobSeekerAsync();

        Assert.False(await workshop.CloseAsync(Guid.NewGuid()));
        Assert.True(await workshop.CloseAsync(coachId));

        Assert.False(await fixture.Grains.GetGrain<IJobSeekerGrain>(userId).JoinWorkshopAsync(workshop.GetPrimaryKey(), "Sam"));
        Assert.Null(await fixture.Grains.GetGrain<IJobSeekerGrain>(userId).GetWorkshopAsync());
        Assert.Equal(WorkshopStatus.Closed, (await workshop.GetBoardAsync(coachId, organisationId))!.Status);
    }

    [Fact]
    public async Task Board_CoachOfAnotherOrganisation_IsRefused()
    {
        var (coachId, organisationId) = await fixture.NewCoachAsync();
        var (otherCoach, otherOrganisation) = await fixture.NewCoachAsync();
        var workshop = fixture.Grains.GetGrain<IWorkshopGrain>(Guid.CreateVersion7());
        await workshop.OpenAsync(coachId, organisationId, "Ours");

        Assert.Null(await workshop.GetBoardAsync(otherCoach, otherOrganisation));
        Assert.Null(await workshop.SubscribeAsync(otherCoach, otherOrganisation, fixture.Grains.CreateObjectReference<IWorkshopObserver>(new RecordingBoard())));
        Assert.NotNull(await workshop.GetBoardAsync(Guid.NewGuid(), organisationId));
    }

    [Fact]
    public async Task Leave_TakesTheParticipantOffTheBoardAndOutOfTheStoredList()
    {
        var (coachId, organisationId) = await fixture.NewCoachAsync();
        var workshop = fixture.Grains.GetGrain<IWorkshopGrain>(Guid.CreateVersion7());
        await workshop.OpenAsync(coachId, organisationId, "Short stay");
        var jobSeeker = fixture.Grains.GetGrain<IJobSeekerGrain>(await fixture.NewJobSeekerAsync());
        await jobSeeker.JoinWorkshopAsync(workshop.GetPrimaryKey(), "Sam");
        Assert.Equal(workshop.GetPrimaryKey(), await jobSeeker.GetWorkshopAsync());

        await jobSeeker.LeaveWorkshopAsync();

        Assert.Empty((await workshop.GetBoardAsync(coachId, organisationId))!.Participants);
        Assert.Empty(await new WorkshopRepository(fixture.Database).GetParticipantsAsync(workshop.GetPrimaryKey()));
        Assert.Null(await jobSeeker.GetWorkshopAsync());
    }

    /// <summary>A coach's open workshop with a board subscribed, and one participant who just started "pair" in it.</summary>
    private async Task<(OpenWorkshop Workshop, RecordingBoard Board, Guid UserId, RecordingObserver Player, ISprintSessionGrain Session)> PlayingInAWorkshopAsync()
    {
        var (coachId, organisationId) = await fixture.NewCoachAsync();
        var grain = fixture.Grains.GetGrain<IWorkshopGrain>(Guid.CreateVersion7());
        await grain.OpenAsync(coachId, organisationId, "Thursday group");
        var userId = await fixture.NewJobSeekerAsync();
        var jobSeeker = fixture.Grains.GetGrain<IJobSeekerGrain>(userId);
        await jobSeeker.JoinWorkshopAsync(grain.GetPrimaryKey(), "Sam");
        var board = new RecordingBoard();
        await grain.SubscribeAsync(coachId, organisationId, fixture.Grains.CreateObjectReference<IWorkshopObserver>(board));
        var player = new RecordingObserver();
        var started = await jobSeeker.StartSprintAsync("pair", "en", player.Reference(fixture.Grains));
        await board.UntilAsync(snapshot => snapshot.Participants[0].Activity == ParticipantActivity.Playing);
        return (new OpenWorkshop(grain, coachId, organisationId), board, userId, player, fixture.Grains.GetGrain<ISprintSessionGrain>(started.Value!.Session.SessionId));
    }

    private sealed record OpenWorkshop(IWorkshopGrain Grain, Guid CoachId, Guid OrganisationId);
}
