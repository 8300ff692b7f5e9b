using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Domain.Sprints;
using Passport.Grains.JobSeekers;
using Passport.Grains.Sprints;

namespace Passport.Application.Sprints;

/// <summary>
/// Playing sprints and reading one's own passport, for the hub, the player page and the API alike. Every entry acts
/// for the signed-in player only (their grain is keyed by the caller, never by a request value), and the session
/// grain refuses a session that is not theirs.
/// </summary>
public sealed class SprintPlay(IGrainFactory grains)
{
    public Task<PassportSnapshot> MyPassportAsync(ClaimsPrincipal player) => JobSeeker(player).GetPassportAsync();

    public Task<SkillHistorySnapshot> MySkillHistoryAsync(ClaimsPrincipal player) => JobSeeker(player).GetSkillHistoryAsync();

    /// <summary>
    /// Starts a sprint, or finds the player's unfinished session of it (then <see cref="SprintStart.Resume"/> is set
    /// and the caller resumes it). A session the passport still offers but that has ended (its end was stored, the
    /// report of it lost) is let go and a new one starts, so a player is never held by a session that cannot go on.
    /// </summary>
    public async Task<SprintOutcome<SprintStart>> StartAsync(ClaimsPrincipal player, string sprintId, string language, ISprintObserver? observer)
    {
        var jobSeeker = JobSeeker(player);
        var start = await jobSeeker.StartSprintAsync(sprintId, language, observer);
        if (start.Value is { Resume: true } offered
            && await Session(offered.Session.SessionId).GetAsync(PlayerId(player)) is { Error: SprintError.UnknownSession } or { Value.Status: SessionStatus.Abandoned or SessionStatus.Expired })
        {
            await jobSeeker.SessionClosedAsync(offered.Session.SessionId);
            start = await jobSeeker.StartSprintAsync(sprintId, language, observer);
        }

        return start;
    }

    /// <summary>Answers the current item; the session pushes to <paramref name="observer"/> from now on (the caller's connection).</summary>
    public Task<SprintOutcome<AnswerStep>> AnswerAsync(ClaimsPrincipal player, Guid sessionId, string itemId, SprintAnswer answer, ISprintObserver? observer) =>
        Session(sessionId).SubmitAnswerAsync(PlayerId(player), itemId, answer, observer);

    public Task<SprintOutcome<SessionView>> ResumeAsync(ClaimsPrincipal player, Guid sessionId, string language, ISprintObserver? observer) =>
        Session(sessionId).ResumeAsync(PlayerId(player), language, observer);

    public Task<SprintOutcome<SessionView>> AbandonAsync(ClaimsPrincipal player, Guid sessionId) =>
        Session(sessionId).AbandonAsync(PlayerId(player));

    public Task<SprintOutcome<SessionView>> GetSessionAsync(ClaimsPrincipal player, Guid sessionId) =>
        Session(sessionId).GetAsync(PlayerId(player));

    /// <summary>The player's connection went away; the session waits, paused, for them to continue it.</summary>
    public Task PauseAsync(ClaimsPrincipal player, Guid sessionId, ISprintObserver observer) =>
        Session(sessionId).PauseAsync(PlayerId(player), observer);

    /// <summary>A reference the session grain can push to, for a page that plays in its own circuit.</summary>
    public ISprintObserver Observe(ISprintObserver observer) => grains.CreateObjectReference<ISprintObserver>(observer);

    public void StopObserving(ISprintObserver reference) => grains.DeleteObjectReference<ISprintObserver>(reference);

    private IJobSeekerGrain JobSeeker(ClaimsPrincipal player) => grains.GetGrain<IJobSeekerGrain>(PlayerId(player));

    private ISprintSessionGrain Session(Guid sessionId) => grains.GetGrain<ISprintSessionGrain>(sessionId);

    private static Guid PlayerId(ClaimsPrincipal player) =>
        player?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in job seeker plays sprints.");
}
