using System.Collections.Immutable;
using Orleans.Concurrency;
using Passport.Grains.Sprints;

namespace Passport.Grains.JobSeekers;

/// <summary>The live state of one job seeker, keyed by their user id: preferences and the skills passport.</summary>
public interface IJobSeekerGrain : IGrainWithGuidKey
{
    Task<PreferencesSnapshot> GetPreferencesAsync();

    /// <summary>Stores the preferences, then answers; they must already satisfy the domain rules.</summary>
    Task<PreferencesSnapshot> UpdatePreferencesAsync(PreferencesSnapshot preferences);

    Task<PassportSnapshot> GetPassportAsync();

    /// <summary>Each skill's estimate after every completed session that measured it; derived from the stored responses. Read-only.</summary>
    [AlwaysInterleave]
    Task<SkillHistorySnapshot> GetSkillHistoryAsync();

    /// <summary>Starts a session of the sprint (or hands back the unfinished one), unless the sprint is cooling down.</summary>
    Task<SprintOutcome<SprintStart>> StartSprintAsync(string sprintId, string language, ISprintObserver? observer);

    /// <summary>Read-only, so a session may ask while this grain waits on another session.</summary>
    [AlwaysInterleave]
    Task<PassportEvidence> GetEvidenceAsync(ImmutableArray<string> skills);

    /// <summary>Adds a stored response to the passport; answers the new XP total. Applying the same response twice has no effect.</summary>
    Task<int> RecordResponseAsync(RecordedResponse response);

    /// <summary>
    /// Adds a session's stored responses, of which the passport may have missed some (a report lost after the answer
    /// was stored); answers the XP total. Responses already counted are skipped.
    /// </summary>
    Task<int> RecordResponsesAsync(ImmutableArray<RecordedResponse> responses);

    /// <summary>Counts a stored completion (XP bonus, play day, badges); idempotent per session.</summary>
    Task<PassportTotals> CompleteSprintAsync(SprintFinished finished);

    /// <summary>The session was abandoned or expired; it is no longer offered for resuming.</summary>
    Task SessionClosedAsync(Guid sessionId);

    /// <summary>
    /// Joins the workshop (the job seeker agreed to its notice), leaving any other; sessions started from now on
    /// report their progress to it. False when the workshop is not open.
    /// </summary>
    Task<bool> JoinWorkshopAsync(Guid workshopId, string displayName);

    Task LeaveWorkshopAsync();

    /// <summary>The workshop joined last, if any (it may have closed since). Read-only, so a session may ask at any time.</summary>
    [AlwaysInterleave]
    Task<Guid?> GetWorkshopAsync();

    /// <summary>
    /// The account was erased: leave the workshop board and drop everything held in memory. Called after the rows
    /// are gone, so a later activation finds nothing to load.
    /// </summary>
    Task ForgetAsync();
}
