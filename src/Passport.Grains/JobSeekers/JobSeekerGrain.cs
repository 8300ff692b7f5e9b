using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passport.Data.JobSeekers;
using Passport.Data.Sprints;
using Passport.Data.Workshops;
using Passport.Domain.Gamification;
using Passport.Domain.Passports;
using Passport.Domain.Places;
using Passport.Domain.Sectors;
using Passport.Domain.Skills;
using Passport.Domain.Sprints;
using Passport.Grains.Sprints;
using Passport.Grains.Workshops;

namespace Passport.Grains.JobSeekers;

/// <summary>
/// Holds a job seeker's state in memory while they are active: preferences, and the skills passport rebuilt
/// from every stored response. Preference changes are written through before they are acknowledged; sprint
/// responses are written by the session that took them, and arrive here afterwards.
/// </summary>
public sealed partial class JobSeekerGrain(
    JobSeekerRepository repository,
    SprintRepository sprints,
    WorkshopRepository workshops,
    SectorCatalog sectors,
    PlaceCatalog places,
    SprintCatalog sprintCatalog,
    SkillCatalog skillCatalog,
    IOptions<SprintOptions> options,
    TimeProvider time,
    ILogger<JobSeekerGrain> logger) : Grain, IJobSeekerGrain
{
    private readonly SkillPassport _passport = new();
    private readonly SkillHistory _history = new();
    private readonly HashSet<(Guid Session, string Item)> _applied = [];
    private readonly HashSet<Guid> _completed = [];
    private readonly Dictionary<string, Guid> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<EvidenceItem>> _evidence = new(StringComparer.Ordinal);
    private TimeZoneInfo _timeZone = TimeZoneInfo.Utc;
    private PreferencesSnapshot _preferences = PreferencesSnapshot.From(Domain.JobSeekers.JobSeekerPreferences.None);
    private Guid? _workshopId;

    private Guid UserId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        _preferences = PreferencesSnapshot.From(await repository.GetPreferencesAsync(UserId, cancellationToken));
        _workshopId = await workshops.FindOpenWorkshopOfUserAsync(UserId, cancellationToken);

        var sessions = await sprints.GetSessionsOfUserAsync(UserId, cancellationToken);
        var sprintOf = sessions.ToDictionary(session => session.Id, session => session.SprintId);
        foreach (var response in await sprints.GetResponsesOfUserAsync(UserId, cancellationToken))
        {
            Apply(response.SessionId, sprintOf.GetValueOrDefault(response.SessionId, ""), response.ItemId, response.Category, response.Xp, response.AnsweredAt);
        }

        var now = time.GetUtcNow();
        foreach (var session in sessions)
        {
            var status = Enum.Parse<SessionStatus>(session.Status);
            if (status == SessionStatus.Completed && session.CompletedAt is { } completedAt)
            {
                ApplyCompletion(session.Id, session.SprintId, completedAt, session.CompletionXp);
            }
            else if (status is SessionStatus.Created or SessionStatus.InProgress or SessionStatus.Paused
                && now - session.UpdatedAt < options.Value.SessionLifetime)
            {
                _open[session.SprintId] = session.Id;
            }
        }
    }

    public Task<PreferencesSnapshot> GetPreferencesAsync() => Task.FromResult(_preferences);

    public async Task<PreferencesSnapshot> UpdatePreferencesAsync(PreferencesSnapshot preferences)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var domain = preferences.ToDomain();
        var errors = domain.Validate(sectors, places);
        if (!errors.IsValid)
        {
            // Callers validate first to report errors in the user's language; reaching here is a caller bug.
            throw new ArgumentException($"Invalid preferences: {string.Join("; ", errors.Errors.Select(error => $"{error.Field} {error.Code}"))}", nameof(preferences));
        }

        await repository.SavePreferencesAsync(UserId, domain);
        _preferences = preferences;
        return _preferences;
    }

    public Task<PassportSnapshot> GetPassportAsync()
    {
        var skills = _passport.Skills
            .OrderBy(skill => IndexOfSkill(skill.SkillId))
            .Select(skill => new PassportSkillSnapshot(
                skill.SkillId, skill.Estimate.Estimate, skill.Estimate.StandardError, skill.Estimate.Level,
                skill.Estimate.Evidence, skill.UpdatedAt, [.. skill.Sprints]))
            .ToImmutableArray();
        var replayableAt = sprintCatalog.All
            .Select(sprint => (sprint.Id, At: _passport.LastCompleted(sprint.Id) + options.Value.ReplayCooldown))
            .Where(entry => entry.At is { } at && at > time.GetUtcNow())
            .ToImmutableDictionary(entry => entry.Id, entry => entry.At!.Value, StringComparer.Ordinal);
        return Task.FromResult(new PassportSnapshot(
            skills,
            _passport.TotalXp,
            _passport.Level,
            PlayerLevel.Progress(_passport.TotalXp),
            [.. _passport.Badges(FrameworkSkills)],
            _passport.StreakDays(Today()),
            _passport.CompletedSprints,
            [.. _open.Select(pair => new OpenSession(pair.Value, pair.Key))],
            replayableAt));
    }

    public Task<SkillHistorySnapshot> GetSkillHistoryAsync()
    {
        var skills = _history.Timelines()
            .OrderBy(timeline => IndexOfSkill(timeline.SkillId))
            .Select(timeline => new SkillHistoryLine(
                timeline.SkillId,
                [.. timeline.Points.Select(point => new SkillHistoryEntry(point.At, point.Estimate.Estimate, point.Estimate.StandardError, point.Estimate.Level))]))
            .ToImmutableArray();
        return Task.FromResult(new SkillHistorySnapshot(skills));
    }

    public async Task<SprintOutcome<SprintStart>> StartSprintAsync(string sprintId, string language, ISprintObserver? observer)
    {
        if (!sprintCatalog.TryGet(sprintId, out var sprint))
        {
            return SprintOutcome.Refused<SprintStart>(SprintError.UnknownSprint);
        }

        if (_open.TryGetValue(sprintId, out var openSession))
        {
            return SprintOutcome.Success<SprintStart>(new SprintStart(
                new SessionStarted(openSession, sprint.Id, sprint.Title.In(language), sprint.MaxItems), Resume: true));
        }

        if (_passport.LastCompleted(sprintId) is { } last && last + options.Value.ReplayCooldown is var replayable && replayable > time.GetUtcNow())
        {
            var seconds = (int)Math.Ceiling((replayable - time.GetUtcNow()).TotalSeconds);
            return SprintOutcome.Refused<SprintStart>(SprintError.CoolingDown, seconds);
        }

        var sessionId = Guid.CreateVersion7(time.GetUtcNow());
        var evidence = await GetEvidenceAsync([.. sprint.Skills]);
        var session = GrainFactory.GetGrain<ISprintSessionGrain>(sessionId);
        var started = await session.StartAsync(new StartSession(UserId, sprint.Id, language, evidence.Evidence, evidence.SeenItems, observer, _workshopId));
        _open[sprintId] = sessionId;
        return SprintOutcome.Success<SprintStart>(new SprintStart(started, Resume: false));
    }

    public Task<PassportEvidence> GetEvidenceAsync(ImmutableArray<string> skills)
    {
        var evidence = skills
            .SelectMany(skill => _evidence.TryGetValue(skill, out var items) ? items : [])
            .ToImmutableArray();
        return Task.FromResult(new PassportEvidence(evidence, [.. _passport.SeenItems]));
    }

    public Task<int> RecordResponseAsync(RecordedResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Apply(response.SessionId, response.SprintId, response.ItemId, response.Category, response.Xp, response.AnsweredAt);
        return Task.FromResult(_passport.TotalXp);
    }

    public Task<int> RecordResponsesAsync(ImmutableArray<RecordedResponse> responses)
    {
        foreach (var response in responses)
        {
            Apply(response.SessionId, response.SprintId, response.ItemId, response.Category, response.Xp, response.AnsweredAt);
        }

        return Task.FromResult(_passport.TotalXp);
    }

    public Task<PassportTotals> CompleteSprintAsync(SprintFinished finished)
    {
        ArgumentNullException.ThrowIfNull(finished);
        var before = _passport.Badges(FrameworkSkills);
        ApplyCompletion(finished.SessionId, finished.SprintId, finished.CompletedAt, finished.BonusXp);
        var after = _passport.Badges(FrameworkSkills);
        return Task.FromResult(new PassportTotals(_passport.TotalXp, _passport.Level, [.. after], [.. after.Except(before)]));
    }

    public Task SessionClosedAsync(Guid sessionId)
    {
        foreach (var sprintId in _open.Where(pair => pair.Value == sessionId).Select(pair => pair.Key).ToList())
        {
            _open.Remove(sprintId);
        }

        return Task.CompletedTask;
    }

    public async Task<bool> JoinWorkshopAsync(Guid workshopId, string displayName)
    {
        if (!await GrainFactory.GetGrain<IWorkshopGrain>(workshopId).JoinAsync(UserId, displayName))
        {
            return false;
        }

        if (_workshopId is { } previous && previous != workshopId)
        {
            await GrainFactory.GetGrain<IWorkshopGrain>(previous).LeaveAsync(UserId);
        }

        _workshopId = workshopId;
        return true;
    }

    public async Task LeaveWorkshopAsync()
    {
        if (_workshopId is { } workshopId)
        {
            await GrainFactory.GetGrain<IWorkshopGrain>(workshopId).LeaveAsync(UserId);
            _workshopId = null;
        }
    }

    public Task<Guid?> GetWorkshopAsync() => Task.FromResult(_workshopId);

    public async Task ForgetAsync()
    {
        await LeaveWorkshopAsync();

        // The next call after this one reaches a fresh activation, which loads nothing: the rows are gone.
        DeactivateOnIdle();
    }

    private IReadOnlyCollection<string> FrameworkSkills { get; } = [.. skillCatalog.All.Select(skill => skill.Id)];

    private int IndexOfSkill(string skillId)
    {
        for (var index = 0; index < skillCatalog.All.Count; index++)
        {
            if (skillCatalog.All[index].Id == skillId)
            {
                return index;
            }
        }

        return int.MaxValue;
    }

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _timeZone).DateTime);

    // Responses arrive both from the database (on activation) and from sessions (live); a response loaded at
    // activation may be reported again by the session that stored it, so each is applied once.
    private void Apply(Guid sessionId, string sprintId, string itemId, int? category, int xp, DateTimeOffset answeredAt)
    {
        if (!_applied.Add((sessionId, itemId)))
        {
            return;
        }

        _passport.AddXp(xp);
        _passport.MarkSeen(itemId);
        if (category is not { } scored)
        {
            return;
        }

        if (!sprintCatalog.TryGetItem(itemId, out var item))
        {
            // Content changed since the answer was given; the answer stays stored and counts again if the item returns.
            LogItemNotInContent(logger, itemId, sessionId);
            return;
        }

        if (scored >= item.Model.Categories)
        {
            LogCategoryOutOfRange(logger, itemId, scored, sessionId);
            return;
        }

        var evidence = new EvidenceRecord(item.SkillId, item.Id, sprintId, item.Model, scored, answeredAt);
        _passport.AddEvidence(evidence);
        _history.AddEvidence(sessionId, evidence);
        if (!_evidence.TryGetValue(item.SkillId, out var list))
        {
            list = [];
            _evidence[item.SkillId] = list;
        }

        list.Add(new EvidenceItem(item.Id, scored));
    }

    private void ApplyCompletion(Guid sessionId, string sprintId, DateTimeOffset completedAt, int bonusXp)
    {
        // A completion is reported again whenever its session is read, maybe long after, when a newer session of the
        // same sprint is the open one: only the first report closes the sprint's open session.
        if (!_completed.Add(sessionId))
        {
            return;
        }

        _open.Remove(sprintId);
        _history.CompleteSession(sessionId, completedAt);
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(completedAt, _timeZone).DateTime);
        _passport.CompleteSprint(sprintId, completedAt, localDay, bonusXp);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored response to item {ItemId} in session {SessionId} is not counted: the item is no longer in the content.")]
    private static partial void LogItemNotInContent(ILogger logger, string itemId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored response to item {ItemId} in session {SessionId} has category {Category}, beyond the item's model; it is not counted.")]
    private static partial void LogCategoryOutOfRange(ILogger logger, string itemId, int category, Guid sessionId);
}
