using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Passport.Data.Sprints;
using Passport.Domain.Gamification;
using Passport.Domain.Measurement;
using Passport.Domain.Skills;
using Passport.Domain.Sprints;
using Passport.Grains.JobSeekers;
using Passport.Grains.Workshops;

namespace Passport.Grains.Sprints;

/// <summary>
/// A sprint session: presents items chosen adaptively, keeps the clock for timed items, scores answers and
/// stores each one (with the session's new position) before acknowledging it, so after a crash the session
/// resumes exactly where it was and a retried answer is recognised rather than counted twice.
/// </summary>
public sealed partial class SprintSessionGrain(
    SprintRepository repository,
    SprintCatalog sprints,
    SkillCatalog skills,
    IOptions<SprintOptions> options,
    TimeProvider time,
    ILogger<SprintSessionGrain> logger) : Grain, ISprintSessionGrain
{
    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerOptions.Web);

    private readonly List<SprintResponseRow> _responses = [];
    private readonly HashSet<string> _administered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbilityPosterior> _location = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AbilityPosterior> _sessionOnly = new(StringComparer.Ordinal);
    private SprintSessionRow? _row;
    private SessionStatus _status;
    private SessionLifecycle? _lifecycle;
    private Sprint? _sprint;
    private IReadOnlySet<string> _seenBefore = new HashSet<string>();
    private ISprintObserver? _observer;
    private IGrainTimer? _deadlineTimer;
    private int _totalXp;
    private ImmutableArray<string> _newBadges = [];
    private Guid? _workshopId;

    private Guid SessionId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _row = await repository.GetSessionAsync(SessionId, cancellationToken);
        if (_row is null)
        {
            return;
        }

        if (!sprints.TryGet(_row.SprintId, out var sprint))
        {
            // The sprint left the content; the session can only be shown as it stands, never continued.
            LogSprintNotInContent(logger, _row.SprintId, SessionId);
            _row = null;
            return;
        }

        _sprint = sprint;
        _status = Enum.Parse<SessionStatus>(_row.Status);
        _lifecycle = new SessionLifecycle(() => _status, status => _status = status);
        _responses.AddRange(await repository.GetResponsesOfSessionAsync(SessionId, cancellationToken));

        // The passport already holds this session's stored answers, so its evidence is the full location.
        var passport = await GrainFactory.GetGrain<IJobSeekerGrain>(_row.UserId).GetEvidenceAsync([.. sprint.Skills]);
        _seenBefore = passport.SeenItems.Except(_responses.Select(response => response.ItemId)).ToHashSet(StringComparer.Ordinal);
        InitialisePosteriors(passport.Evidence);
        foreach (var response in _responses)
        {
            _administered.Add(response.ItemId);
            AddSessionEvidence(response.ItemId, response.Category, toLocation: false);
        }

        _totalXp = _responses.Sum(response => response.Xp);
        _workshopId = await GrainFactory.GetGrain<IJobSeekerGrain>(_row.UserId).GetWorkshopAsync();
        await ExpireIfIdleAsync();
        ArmDeadlineTimer();
    }

    public async Task<SessionStarted> StartAsync(StartSession start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (_row is not null || !sprints.TryGet(start.SprintId, out var sprint))
        {
            throw new InvalidOperationException($"Session {SessionId} cannot be started: it exists already or sprint '{start.SprintId}' is unknown.");
        }

        _sprint = sprint;
        _status = SessionStatus.Created;
        _lifecycle = new SessionLifecycle(() => _status, status => _status = status);
        _seenBefore = start.SeenItems.ToHashSet(StringComparer.Ordinal);
        InitialisePosteriors(start.Evidence);
        _observer = start.Observer;
        _workshopId = start.WorkshopId;

        var now = time.GetUtcNow();
        _lifecycle.Start();
        var first = SelectNext() ?? throw new InvalidOperationException($"Sprint '{sprint.Id}' has no items.");
        _row = new SprintSessionRow
        {
            Id = SessionId,
            UserId = start.UserId,
            SprintId = sprint.Id,
            Status = _status.ToString(),
            Language = start.Language,
            CurrentItemId = first.Id,
            CurrentPresentedAt = now,
            PresentedCount = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await repository.CreateSessionAsync(_row);
        ReportProgress(completed: false);
        ArmDeadlineTimer();
        await PushCurrentItemAsync();
        return new SessionStarted(SessionId, sprint.Id, sprint.Title.In(start.Language), sprint.MaxItems);
    }

    public async Task<SprintOutcome<ScoredAnswer>> SubmitAnswerAsync(Guid userId, string itemId, SprintAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!IsOwner(userId))
        {
            return SprintOutcome.Refused<ScoredAnswer>(SprintError.UnknownSession);
        }

        await ExpireIfIdleAsync();
        var row = _row!;
        var sprint = _sprint!;
        var earlier = _responses.FirstOrDefault(response => response.ItemId == itemId);
        if (earlier is not null)
        {
            return await RepeatAsync(earlier, answer);
        }

        if (_status == SessionStatus.Paused)
        {
            return SprintOutcome.Refused<ScoredAnswer>(SprintError.SessionPaused);
        }

        if (!_lifecycle!.CanAnswer)
        {
            return SprintOutcome.Refused<ScoredAnswer>(SprintError.SessionFinished);
        }

        if (row.CurrentItemId != itemId || !sprint.TryGetItem(itemId, out var item))
        {
            return SprintOutcome.Refused<ScoredAnswer>(SprintError.WrongItem);
        }

        var now = time.GetUtcNow();
        if (IsPastDeadline(item, now))
        {
            await RecordTimeoutAsync(item, now);
            return SprintOutcome.Refused<ScoredAnswer>(SprintError.TimeUp);
        }

        var score = item.Score(answer.ToDomain());
        if (!score.IsAccepted)
        {
            return SprintOutcome.Refused<ScoredAnswer>(score.Problem switch
            {
                AnswerProblem.UnknownOption => SprintError.UnknownOption,
                AnswerProblem.InvalidOrder => SprintError.InvalidOrder,
                AnswerProblem.OutOfRange => SprintError.OutOfRange,
                _ => SprintError.WrongShape,
            });
        }

        var xp = Xp.ForAnswer(score.Category, item.Model.Categories);
        var scored = await AdvanceAsync(item, JsonSerializer.Serialize(answer, AnswerJson), score.Category, xp, now);
        return SprintOutcome.Success<ScoredAnswer>(scored);
    }

    public async Task<SprintOutcome<SessionView>> ResumeAsync(Guid userId, string language, ISprintObserver? observer)
    {
        if (!IsOwner(userId))
        {
            return SprintOutcome.Refused<SessionView>(SprintError.UnknownSession);
        }

        await ExpireIfIdleAsync();
        if (_status is SessionStatus.Abandoned or SessionStatus.Expired)
        {
            return SprintOutcome.Refused<SessionView>(SprintError.SessionFinished);
        }

        _observer = observer;
        var row = _row!;
        if (row.Language != language)
        {
            row.Language = language;
        }

        if (_status == SessionStatus.Completed)
        {
            var completed = await DescribeCompletionAsync(null);
            await PushAsync(null, null, completed);

            return SprintOutcome.Success<SessionView>(View(completed));
        }

        if (_lifecycle!.CanResume)
        {
            _lifecycle.Resume();
        }

        row.Status = _status.ToString();
        row.UpdatedAt = time.GetUtcNow();
        await repository.UpdateSessionAsync(row);

        if (_sprint!.TryGetItem(row.CurrentItemId ?? "", out var item) && IsPastDeadline(item, time.GetUtcNow()))
        {
            // The clock ran on while the player was away: the timed item is gone, the next one comes.
            await RecordTimeoutAsync(item, time.GetUtcNow());
        }
        else
        {
            await PushCurrentItemAsync();
        }

        return SprintOutcome.Success<SessionView>(View(null));
    }

    public async Task<SprintOutcome<SessionView>> AbandonAsync(Guid userId)
    {
        if (!IsOwner(userId))
        {
            return SprintOutcome.Refused<SessionView>(SprintError.UnknownSession);
        }

        await ExpireIfIdleAsync();
        if (!_lifecycle!.CanAbandon)
        {
            return SprintOutcome.Refused<SessionView>(SprintError.SessionFinished);
        }

        _lifecycle.Abandon();
        await CloseAsync();
        return SprintOutcome.Success<SessionView>(View(null));
    }

    public async Task PauseAsync(Guid userId, ISprintObserver observer)
    {
        if (!IsOwner(userId) || _observer is null || !_observer.Equals(observer))
        {
            return;
        }

        _observer = null;
        if (_lifecycle!.CanPause)
        {
            _lifecycle.Pause();
            _row!.Status = _status.ToString();
            _row.UpdatedAt = time.GetUtcNow();
            await repository.UpdateSessionAsync(_row);
        }
    }

    public async Task<SprintOutcome<SessionView>> GetAsync(Guid userId)
    {
        if (!IsOwner(userId))
        {
            return SprintOutcome.Refused<SessionView>(SprintError.UnknownSession);
        }

        await ExpireIfIdleAsync();
        var completed = _status == SessionStatus.Completed ? await DescribeCompletionAsync(null) : null;
        return SprintOutcome.Success<SessionView>(View(completed));
    }

    private bool IsOwner(Guid userId) => _row is not null && _row.UserId == userId && userId != Guid.Empty;

    private IJobSeekerGrain Owner => GrainFactory.GetGrain<IJobSeekerGrain>(_row!.UserId);

    private void InitialisePosteriors(IEnumerable<EvidenceItem> evidence)
    {
        foreach (var skill in _sprint!.Skills)
        {
            _location[skill] = new AbilityPosterior();
            _sessionOnly[skill] = new AbilityPosterior();
        }

        foreach (var item in evidence)
        {
            if (sprints.TryGetItem(item.ItemId, out var known) && _location.TryGetValue(known.SkillId, out var posterior) && item.Category < known.Model.Categories)
            {
                posterior.Add(new ItemResponse(known.Model, item.Category));
            }
        }
    }

    private void AddSessionEvidence(string itemId, int? category, bool toLocation)
    {
        if (category is not { } scored || !_sprint!.TryGetItem(itemId, out var item) || scored >= item.Model.Categories)
        {
            return;
        }

        var response = new ItemResponse(item.Model, scored);
        _sessionOnly[item.SkillId].Add(response);
        if (toLocation)
        {
            _location[item.SkillId].Add(response);
        }
    }

    private SprintItem? SelectNext()
    {
        var sprint = _sprint!;
        var precision = _sessionOnly.ToDictionary(pair => pair.Key, pair => pair.Value.Estimate(), StringComparer.Ordinal);
        if (StoppingRule.ShouldStop(sprint.Pool, _administered, precision, sprint.SelectionOptions))
        {
            return null;
        }

        var location = _location.ToDictionary(pair => pair.Key, pair => pair.Value.Estimate(), StringComparer.Ordinal);
        var next = AdaptiveItemSelector.SelectNext(sprint.Pool, _administered, _seenBefore, location, precision, sprint.SelectionOptions, Random.Shared);
        return next is not null && sprint.TryGetItem(next.Id, out var item) ? item : null;
    }

    /// <summary>Stores the response and the next step in one transaction, then tells the passport and the player.</summary>
    private async Task<ScoredAnswer> AdvanceAsync(SprintItem item, string? answerJson, int? category, int xp, DateTimeOffset now)
    {
        var row = _row!;
        var sprint = _sprint!;
        var response = new SprintResponseRow
        {
            SessionId = SessionId,
            ItemId = item.Id,
            UserId = row.UserId,
            SkillId = item.SkillId,
            Position = _responses.Count,
            Answer = answerJson,
            Category = category,
            Xp = xp,
            AnsweredAt = now,
        };

        _administered.Add(item.Id);
        AddSessionEvidence(item.Id, category, toLocation: true);
        var next = SelectNext();
        var completionXp = 0;
        if (next is null)
        {
            _lifecycle!.Complete();
            completionXp = Xp.SprintCompleted;
        }

        var updated = new SprintSessionRow
        {
            Id = row.Id,
            UserId = row.UserId,
            SprintId = row.SprintId,
            Status = _status.ToString(),
            Language = row.Language,
            CurrentItemId = next?.Id,
            CurrentPresentedAt = next is null ? null : now,
            PresentedCount = row.PresentedCount + (next is null ? 0 : 1),
            CompletionXp = completionXp,
            CreatedAt = row.CreatedAt,
            UpdatedAt = now,
            CompletedAt = next is null ? now : null,
        };

        try
        {
            await repository.RecordResponseAsync(response, updated);
        }
        catch
        {
            // Nothing was stored: step back so the same answer can be retried against the same item.
            _administered.Remove(item.Id);
            _status = Enum.Parse<SessionStatus>(row.Status);
            RebuildSessionPosteriors();
            throw;
        }

        _row = updated;
        _responses.Add(response);
        ReportProgress(completed: next is null);
        _totalXp = await Owner.RecordResponseAsync(new RecordedResponse(SessionId, sprint.Id, item.Id, category, xp, now));
        var progress = next is null ? 1.0 : Math.Min(1.0, (double)_responses.Count / sprint.MaxItems);
        var scored = new ScoredAnswer(SessionId, item.Id, xp, _totalXp, progress);
        ArmDeadlineTimer();

        // A timed-out item was never answered, so there is nothing to acknowledge; the next step still shows.
        var acknowledged = answerJson is null ? null : scored;
        if (next is not null)
        {
            await PushAsync(acknowledged, Present(), null);
        }
        else
        {
            var totals = await Owner.CompleteSprintAsync(new SprintFinished(SessionId, sprint.Id, now, completionXp));
            await PushAsync(acknowledged, null, await DescribeCompletionAsync(totals));
        }

        return scored;
    }

    private void RebuildSessionPosteriors()
    {
        foreach (var skill in _sprint!.Skills)
        {
            _sessionOnly[skill] = new AbilityPosterior();
        }

        foreach (var response in _responses)
        {
            AddSessionEvidence(response.ItemId, response.Category, toLocation: false);
        }
    }

    /// <summary>A retry of an answer already stored: acknowledged again, never scored again.</summary>
    private async Task<SprintOutcome<ScoredAnswer>> RepeatAsync(SprintResponseRow earlier, SprintAnswer answer)
    {
        if (earlier.Answer is null)
        {
            return SprintOutcome.Refused<ScoredAnswer>(SprintError.TimeUp);
        }

        var stored = JsonSerializer.Deserialize<SprintAnswer>(earlier.Answer, AnswerJson);
        if (stored is null || !stored.ToDomain().SameAs(answer.ToDomain()))
        {
            return SprintOutcome.Refused<ScoredAnswer>(SprintError.AlreadyAnswered);
        }

        var position = _responses.IndexOf(earlier) + 1;
        var finished = _status == SessionStatus.Completed && position == _responses.Count;
        var scored = new ScoredAnswer(SessionId, earlier.ItemId, earlier.Xp, _totalXp, finished ? 1.0 : Math.Min(1.0, (double)position / _sprint!.MaxItems));
        await PushAsync(scored, _status == SessionStatus.InProgress ? Present() : null, null);

        return SprintOutcome.Success<ScoredAnswer>(scored);
    }

    private bool IsPastDeadline(SprintItem item, DateTimeOffset now) =>
        item.TimeLimit is { } limit && _row!.CurrentPresentedAt is { } presentedAt && now > presentedAt + limit + options.Value.TimeLimitGrace;

    /// <summary>The time ran out: stored as seen without evidence, and the session moves on.</summary>
    private async Task RecordTimeoutAsync(SprintItem item, DateTimeOffset now)
    {
        LogTimedOut(logger, item.Id, SessionId);
        await AdvanceAsync(item, null, null, 0, now);
    }

    private void ArmDeadlineTimer()
    {
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        if (_status != SessionStatus.InProgress || _row?.CurrentPresentedAt is not { } presentedAt
            || !_sprint!.TryGetItem(_row.CurrentItemId ?? "", out var item) || item.TimeLimit is not { } limit)
        {
            return;
        }

        var due = presentedAt + limit + options.Value.TimeLimitGrace - time.GetUtcNow();
        var itemId = item.Id;
        _deadlineTimer = this.RegisterGrainTimer(
            (_, _) => OnDeadlineAsync(itemId),
            itemId,
            new GrainTimerCreationOptions { DueTime = due < TimeSpan.Zero ? TimeSpan.Zero : due + TimeSpan.FromMilliseconds(50), Period = Timeout.InfiniteTimeSpan });
    }

    // Moves a silent player on when a timed item runs out, so the player page shows the next item by itself.
    private async Task OnDeadlineAsync(string itemId)
    {
        if (_status != SessionStatus.InProgress || _row?.CurrentItemId != itemId || !_sprint!.TryGetItem(itemId, out var item))
        {
            return;
        }

        if (IsPastDeadline(item, time.GetUtcNow()))
        {
            await RecordTimeoutAsync(item, time.GetUtcNow());
        }
        else
        {
            ArmDeadlineTimer();
        }
    }

    private async Task ExpireIfIdleAsync()
    {
        if (_row is null || !_lifecycle!.CanExpire || time.GetUtcNow() - _row.UpdatedAt < options.Value.SessionLifetime)
        {
            return;
        }

        _lifecycle.Expire();
        await CloseAsync();
    }

    private async Task CloseAsync()
    {
        var row = _row!;
        row.Status = _status.ToString();
        row.CurrentItemId = null;
        row.CurrentPresentedAt = null;
        row.UpdatedAt = time.GetUtcNow();
        await repository.UpdateSessionAsync(row);
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        _observer = null;
        await Owner.SessionClosedAsync(SessionId);
    }

    /// <summary>Tells the player's workshop, if any, how far they are: counts only, never the answer. Fire and forget.</summary>
    private void ReportProgress(bool completed)
    {
        if (_workshopId is not { } workshopId)
        {
            return;
        }

        try
        {
            _ = GrainFactory.GetGrain<IWorkshopGrain>(workshopId)
                .ReportProgressAsync(_row!.UserId, SessionId, _sprint!.Id, _responses.Count, _sprint.MaxItems, completed);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogWorkshopReportFailed(logger, exception, workshopId, SessionId);
        }
    }

    private Task PushCurrentItemAsync() => PushAsync(null, Present(), null);

    private Task PushAsync(ScoredAnswer? scored, PresentedItem? presented, CompletedSprint? completed) =>
        _observer is null || (scored is null && presented is null && completed is null)
            ? Task.CompletedTask
            : _observer.OnSprintEvents(new SprintEvents(scored, presented, completed));

    private PresentedItem? Present()
    {
        var row = _row!;
        if (row.CurrentItemId is null || !_sprint!.TryGetItem(row.CurrentItemId, out var item))
        {
            return null;
        }

        var language = row.Language;
        var choices = item.Kind == ItemKind.Scale
            ? ImmutableArray<PresentedOption>.Empty
            : [.. item.Options.Select(option => new PresentedOption(option.Id, option.Text.In(language)))];
        var scale = item.Scale is { } spec ? new PresentedScale(spec.Min, spec.Max, spec.Low.In(language), spec.High.In(language)) : null;
        return new PresentedItem(
            SessionId,
            item.Id,
            row.PresentedCount - 1,
            item.Kind.ToString().ToLowerInvariant(),
            item.Prompt.In(language),
            choices,
            item.TimeLimit is { } limit ? (int)limit.TotalMilliseconds : null,
            scale,
            item.TimeLimit is { } timeLimit && row.CurrentPresentedAt is { } at ? at + timeLimit : null,
            _sprint.MaxItems,
            item.SkillId);
    }

    private async Task<CompletedSprint> DescribeCompletionAsync(PassportTotals? totals)
    {
        var sprint = _sprint!;
        var language = _row!.Language;
        if (totals is null)
        {
            // Which badges were new is known only at the moment of completion; it is kept while the session is active.
            var passport = await Owner.GetPassportAsync();
            totals = new PassportTotals(passport.TotalXp, passport.Level, passport.Badges, _newBadges);
        }
        else
        {
            _newBadges = totals.NewBadges;
        }

        var results = sprint.Skills.Select(skillId =>
        {
            var estimate = _location[skillId].Estimate();
            var feedback = skills.Get(skillId).FeedbackFor(estimate.Level);
            return new SkillResult(skillId, estimate.Estimate, estimate.StandardError, estimate.Level, feedback.Strength.In(language), feedback.Tip.In(language));
        }).ToImmutableArray();
        var xp = _responses.Sum(response => response.Xp) + _row.CompletionXp;
        return new CompletedSprint(SessionId, results, xp, totals.TotalXp, totals.Level, totals.Badges, totals.NewBadges, sprint.Id);
    }

    private SessionView View(CompletedSprint? completed)
    {
        var row = _row!;
        var sprint = _sprint!;
        return new SessionView(
            SessionId,
            sprint.Id,
            sprint.Title.In(row.Language),
            _status,
            sprint.MaxItems,
            _responses.Count,
            _status == SessionStatus.InProgress || _status == SessionStatus.Paused ? Present() : null,
            completed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} belongs to sprint {SprintId}, which is no longer in the content.")]
    private static partial void LogSprintNotInContent(ILogger logger, string sprintId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell workshop {WorkshopId} how far session {SessionId} is.")]
    private static partial void LogWorkshopReportFailed(ILogger logger, Exception exception, Guid workshopId, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timed item {ItemId} of session {SessionId} ran out of time.")]
    private static partial void LogTimedOut(ILogger logger, string itemId, Guid sessionId);
}
