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
/// <remarks>
/// The database is the truth and this activation a copy of it. Every write names the version it makes; when it
/// is refused (the row moved on without this activation) or fails (stored or not, nobody knows), the copy is
/// marked stale and read again before anything else is done with it, never stepped back by guessing.
/// </remarks>
public sealed partial class SprintSessionGrain(
    ISprintSessionStore store,
    SprintCatalog sprints,
    SkillCatalog skills,
    IOptions<SprintOptions> options,
    TimeProvider time,
    ILogger<SprintSessionGrain> logger) : Grain, ISprintSessionGrain
{
    // The screens showing the session (a phone and a tab, say); an observer of a host that is gone fails its next
    // push and is dropped then, and the oldest makes way when there are more.
    private const int MaxObservers = 4;

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
    private readonly List<ISprintObserver> _observers = [];
    private IGrainTimer? _deadlineTimer;
    private ImmutableArray<string> _newBadges = [];
    private Guid? _workshopId;
    private bool _stale;

    private Guid SessionId => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<SessionStarted> StartAsync(StartSession start)
    {
        ArgumentNullException.ThrowIfNull(start);
        await ReloadIfStaleAsync();
        if (_row is not null || !sprints.TryGet(start.SprintId, out var sprint))
        {
            throw new InvalidOperationException($"Session {SessionId} cannot be started: it exists already or sprint '{start.SprintId}' is unknown.");
        }

        _sprint = sprint;
        _status = SessionStatus.Created;
        _lifecycle = new SessionLifecycle(() => _status, status => _status = status);
        _seenBefore = start.SeenItems.ToHashSet(StringComparer.Ordinal);
        InitialisePosteriors(start.Evidence);
        Bind(start.Observer);
        _workshopId = start.WorkshopId;

        var now = time.GetUtcNow();
        _lifecycle.Start();
        var first = SelectNext() ?? throw new InvalidOperationException($"Sprint '{sprint.Id}' has no items.");
        var row = new SprintSessionRow
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

        // Stored or found stored (an earlier attempt committed): either way this is the row in the database.
        await StoreAsync(() => store.CreateSessionAsync(row), SprintWrite.AlreadyStored);
        _row = row;
        ReportProgress();
        ArmDeadlineTimer();
        var presented = Present();
        Push(null, presented, null);
        return new SessionStarted(SessionId, sprint.Id, sprint.Title.In(start.Language), sprint.MaxItems, presented);
    }

    public Task<SprintOutcome<AnswerStep>> SubmitAnswerAsync(Guid userId, string itemId, SprintAnswer answer, ISprintObserver? observer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return CommandAsync(userId, observer, () => AnswerAsync(itemId, answer));
    }

    public Task<SprintOutcome<SessionView>> ResumeAsync(Guid userId, string language, ISprintObserver? observer) =>
        CommandAsync(userId, observer, async () =>
        {
            if (_status is SessionStatus.Abandoned or SessionStatus.Expired)
            {
                // The passport may still offer it (its closing was stored, the report lost): not any more.
                await Owner.SessionClosedAsync(SessionId);
                return SprintOutcome.Refused<SessionView>(SprintError.SessionFinished);
            }

            if (_status == SessionStatus.Completed)
            {
                var completed = await DescribeCompletionAsync(null);
                Push(null, null, completed);
                return SprintOutcome.Success<SessionView>(View(completed));
            }

            var now = time.GetUtcNow();
            if (_lifecycle!.CanResume)
            {
                _lifecycle.Resume();
            }

            var updated = _row!.NextVersion();
            updated.Status = _status.ToString();
            updated.Language = language;
            updated.UpdatedAt = now;
            await StoreAsync(() => store.UpdateSessionAsync(updated));
            _row = updated;
            ReportProgress();

            if (_sprint!.TryGetItem(_row.CurrentItemId ?? "", out var item) && IsPastDeadline(item, now))
            {
                // The clock ran on while the player was away: the timed item is gone, the next one comes.
                await RecordTimeoutAsync(item, now);
            }
            else
            {
                Push(null, Present(), null);
            }

            // A timed item that ran out may have been the last one.
            return SprintOutcome.Success<SessionView>(View(_status == SessionStatus.Completed ? await DescribeCompletionAsync(null) : null));
        });

    public Task<SprintOutcome<SessionView>> AbandonAsync(Guid userId) =>
        CommandAsync(userId, null, async () =>
        {
            if (!_lifecycle!.CanAbandon)
            {
                return SprintOutcome.Refused<SessionView>(SprintError.SessionFinished);
            }

            _lifecycle.Abandon();
            await CloseAsync();
            return SprintOutcome.Success<SessionView>(View(null));
        });

    public Task PauseAsync(Guid userId, ISprintObserver observer) =>
        OnceMoreIfMovedAsync(async () =>
        {
            await ReloadIfStaleAsync();

            // Another screen still showing the session keeps it going.
            if (!IsOwner(userId) || !_observers.Contains(observer) || _observers.Count > 1)
            {
                _observers.Remove(observer);
                return false;
            }

            if (_lifecycle!.CanPause)
            {
                _lifecycle.Pause();
                var updated = _row!.NextVersion();
                updated.Status = _status.ToString();
                updated.UpdatedAt = time.GetUtcNow();
                await StoreAsync(() => store.UpdateSessionAsync(updated));
                _row = updated;
                ReportProgress();
            }

            _observers.Remove(observer);
            return true;
        });

    public Task<SprintOutcome<SessionView>> GetAsync(Guid userId) =>
        CommandAsync(userId, null, async () =>
        {
            var completed = _status == SessionStatus.Completed ? await DescribeCompletionAsync(null) : null;
            return SprintOutcome.Success<SessionView>(View(completed));
        });

    /// <summary>
    /// Reads the session from the database into this activation: its row, its responses and the passport's
    /// evidence. A session that stands where it cannot go on (its current item already answered or gone from the
    /// content, left so by an older version) is moved to a presentable item or completed, so a player can always
    /// continue.
    /// </summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await ReadAsync(cancellationToken);
            if (_row is null)
            {
                return;
            }

            try
            {
                await ExpireIfIdleAsync();
                await RepairAsync();
                break;
            }
            catch (SessionMovedException) when (attempt < 3)
            {
                // Another writer moved the row while it was being repaired: read it again.
                LogReading(logger, SessionId);
            }
        }

        ArmDeadlineTimer();
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        // Until everything is read, this activation holds nothing trustworthy.
        _stale = true;
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        _responses.Clear();
        _administered.Clear();
        _location.Clear();
        _sessionOnly.Clear();
        _sprint = null;
        _lifecycle = null;

        _row = await store.GetSessionAsync(SessionId, cancellationToken);
        if (_row is null)
        {
            _stale = false;
            return;
        }

        if (!sprints.TryGet(_row.SprintId, out var sprint))
        {
            // The sprint left the content; the session can only be shown as it stands, never continued.
            LogSprintNotInContent(logger, _row.SprintId, SessionId);
            _row = null;
            _stale = false;
            return;
        }

        _sprint = sprint;
        _status = Enum.Parse<SessionStatus>(_row.Status);
        _lifecycle = new SessionLifecycle(() => _status, status => _status = status);
        _responses.AddRange(await store.GetResponsesOfSessionAsync(SessionId, cancellationToken));

        // The passport counts each response once; a report lost after its answer was stored is made up for here,
        // before its evidence is read, so the passport's evidence is the full location.
        var owner = Owner;
        if (_responses.Count > 0)
        {
            await owner.RecordResponsesAsync([.. _responses.Select(Recorded)]);
        }

        if (_status == SessionStatus.Completed)
        {
            await ReportCompletionAsync();
        }

        var passport = await owner.GetEvidenceAsync([.. sprint.Skills]);
        _seenBefore = passport.SeenItems.Except(_responses.Select(response => response.ItemId)).ToHashSet(StringComparer.Ordinal);
        InitialisePosteriors(passport.Evidence);
        foreach (var response in _responses)
        {
            _administered.Add(response.ItemId);
            AddSessionEvidence(response.ItemId, response.Category, toLocation: false);
        }

        _workshopId = await owner.GetWorkshopAsync();
        _stale = false;
    }

    private async Task ReloadIfStaleAsync()
    {
        if (_stale)
        {
            await LoadAsync(CancellationToken.None);
        }
    }

    /// <summary>A session in play whose current item cannot be asked moves to the next one, or completes.</summary>
    private async Task RepairAsync()
    {
        var row = _row!;
        if (_status is not (SessionStatus.InProgress or SessionStatus.Paused)
            || (row.CurrentItemId is { } current && _sprint!.TryGetItem(current, out _) && !_administered.Contains(current)))
        {
            return;
        }

        var now = time.GetUtcNow();
        var next = SelectNext();
        var updated = row.NextVersion();
        updated.UpdatedAt = now;
        if (next is not null)
        {
            updated.CurrentItemId = next.Id;
            updated.CurrentPresentedAt = now;
            updated.PresentedCount = row.PresentedCount + 1;
        }
        else
        {
            if (_lifecycle!.CanResume)
            {
                _lifecycle.Resume();
            }

            _lifecycle.Complete();
            updated.Status = _status.ToString();
            updated.CurrentItemId = null;
            updated.CurrentPresentedAt = null;
            updated.CompletionXp = Xp.SprintCompleted;
            updated.CompletedAt = now;
        }

        LogRepaired(logger, SessionId, row.CurrentItemId, next?.Id);
        await StoreAsync(() => store.UpdateSessionAsync(updated));
        _row = updated;
        if (next is null)
        {
            ReportProgress();
            await ReportCompletionAsync();
        }
    }

    /// <summary>
    /// Runs a player's command on a fresh copy of the session: reloaded first if stale, refused to anyone but the
    /// owner, the caller's observer bound, an idle session expired. A write refused because the row moved on
    /// reloads the session and runs the command once more, against the truth.
    /// </summary>
    private Task<SprintOutcome<T>> CommandAsync<T>(Guid userId, ISprintObserver? observer, Func<Task<SprintOutcome<T>>> command) =>
        OnceMoreIfMovedAsync(async () =>
        {
            await ReloadIfStaleAsync();
            if (!IsOwner(userId))
            {
                return SprintOutcome.Refused<T>(SprintError.UnknownSession);
            }

            Bind(observer);

            await ExpireIfIdleAsync();
            return await command();
        });

    private async Task<T> OnceMoreIfMovedAsync<T>(Func<Task<T>> attempt)
    {
        try
        {
            return await attempt();
        }
        catch (SessionMovedException)
        {
            // The copy is stale now; the second attempt reads the truth first.
            LogReading(logger, SessionId);
        }

        try
        {
            return await attempt();
        }
        catch (SessionMovedException moved)
        {
            throw new InvalidOperationException($"Session {SessionId} kept changing in the database while it was being written; the command can be sent again.", moved);
        }
    }

    /// <summary>
    /// Runs a write and returns once it is stored. Anything else leaves this copy stale: a refused write throws
    /// <see cref="SessionMovedException"/>, a failed one its own exception (whether it was stored is then unknown).
    /// </summary>
    private async Task StoreAsync(Func<Task<SprintWrite>> write, SprintWrite alsoFine = SprintWrite.Stored)
    {
        SprintWrite result;
        try
        {
            result = await write();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _stale = true;
            LogStoreFailed(logger, exception, SessionId);
            throw;
        }

        if (result != SprintWrite.Stored && result != alsoFine)
        {
            _stale = true;
            throw new SessionMovedException(SessionId, result);
        }
    }

    private async Task<SprintOutcome<AnswerStep>> AnswerAsync(string itemId, SprintAnswer answer)
    {
        var row = _row!;
        var sprint = _sprint!;
        var earlier = _responses.FirstOrDefault(response => response.ItemId == itemId);
        if (earlier is not null)
        {
            return await RepeatAsync(earlier, answer);
        }

        if (_status == SessionStatus.Paused)
        {
            return SprintOutcome.Refused<AnswerStep>(SprintError.SessionPaused);
        }

        if (!_lifecycle!.CanAnswer)
        {
            return SprintOutcome.Refused<AnswerStep>(SprintError.SessionFinished);
        }

        if (row.CurrentItemId != itemId || !sprint.TryGetItem(itemId, out var item))
        {
            return SprintOutcome.Refused<AnswerStep>(SprintError.WrongItem);
        }

        var now = time.GetUtcNow();
        if (IsPastDeadline(item, now))
        {
            await RecordTimeoutAsync(item, now);
            return SprintOutcome.Refused<AnswerStep>(SprintError.TimeUp);
        }

        var score = item.Score(answer.ToDomain());
        if (!score.IsAccepted)
        {
            return SprintOutcome.Refused<AnswerStep>(score.Problem switch
            {
                AnswerProblem.UnknownOption => SprintError.UnknownOption,
                AnswerProblem.InvalidOrder => SprintError.InvalidOrder,
                AnswerProblem.OutOfRange => SprintError.OutOfRange,
                _ => SprintError.WrongShape,
            });
        }

        var xp = Xp.ForAnswer(score.Category, item.Model.Categories);
        var step = await AdvanceAsync(item, JsonSerializer.Serialize(answer, AnswerJson), score.Category, xp, now);
        return SprintOutcome.Success<AnswerStep>(step);
    }

    private IJobSeekerGrain Owner => GrainFactory.GetGrain<IJobSeekerGrain>(_row!.UserId);

    private bool IsOwner(Guid userId) => _row is not null && _row.UserId == userId && userId != Guid.Empty;

    private RecordedResponse Recorded(SprintResponseRow response) =>
        new(SessionId, _sprint!.Id, response.ItemId, response.Category, response.Xp, response.AnsweredAt);

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

    /// <summary>
    /// Stores the response and the next step in one transaction, then tells the passport and the player. Memory
    /// runs ahead of the database here; if the write is not stored the copy is stale and is read again.
    /// </summary>
    private async Task<AnswerStep> AdvanceAsync(SprintItem item, string? answerJson, int? category, int xp, DateTimeOffset now)
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

        var updated = row.NextVersion();
        updated.Status = _status.ToString();
        updated.CurrentItemId = next?.Id;
        updated.CurrentPresentedAt = next is null ? null : now;
        updated.PresentedCount = row.PresentedCount + (next is null ? 0 : 1);
        updated.CompletionXp = completionXp;
        updated.UpdatedAt = now;
        updated.CompletedAt = next is null ? now : null;

        await StoreAsync(() => store.RecordResponseAsync(response, updated));
        _row = updated;
        _responses.Add(response);
        ReportProgress();
        var totalXp = await Owner.RecordResponseAsync(Recorded(response));
        var progress = next is null ? 1.0 : Math.Min(1.0, (double)_responses.Count / sprint.MaxItems);
        var scored = new ScoredAnswer(SessionId, item.Id, xp, totalXp, progress);
        ArmDeadlineTimer();

        // A timed-out item was never answered, so there is nothing to acknowledge; the next step still shows.
        var acknowledged = answerJson is null ? null : scored;
        if (next is not null)
        {
            var presented = Present();
            Push(acknowledged, presented, null);
            return new AnswerStep(scored, presented, null);
        }

        var totals = await Owner.CompleteSprintAsync(new SprintFinished(SessionId, sprint.Id, now, completionXp));
        var completed = await DescribeCompletionAsync(totals);
        Push(acknowledged, null, completed);
        return new AnswerStep(scored, null, completed);
    }

    /// <summary>
    /// A retry of an answer already stored: acknowledged again with where the session stands now, never scored
    /// again. The passport is told again too (it counts a response once), in case the first report was lost.
    /// </summary>
    private async Task<SprintOutcome<AnswerStep>> RepeatAsync(SprintResponseRow earlier, SprintAnswer answer)
    {
        if (earlier.Answer is null)
        {
            return SprintOutcome.Refused<AnswerStep>(SprintError.TimeUp);
        }

        var stored = JsonSerializer.Deserialize<SprintAnswer>(earlier.Answer, AnswerJson);
        if (stored is null || !stored.ToDomain().SameAs(answer.ToDomain()))
        {
            return SprintOutcome.Refused<AnswerStep>(SprintError.AlreadyAnswered);
        }

        var totalXp = await Owner.RecordResponseAsync(Recorded(earlier));
        var position = _responses.IndexOf(earlier) + 1;
        var finished = _status == SessionStatus.Completed && position == _responses.Count;
        var scored = new ScoredAnswer(SessionId, earlier.ItemId, earlier.Xp, totalXp, finished ? 1.0 : Math.Min(1.0, (double)position / _sprint!.MaxItems));
        var presented = _status == SessionStatus.InProgress ? Present() : null;
        var completed = _status == SessionStatus.Completed ? await DescribeCompletionAsync(null) : null;
        Push(scored, presented, completed);
        return SprintOutcome.Success<AnswerStep>(new AnswerStep(scored, presented, completed));
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
    private Task<bool> OnDeadlineAsync(string itemId) =>
        OnceMoreIfMovedAsync(async () =>
        {
            await ReloadIfStaleAsync();
            if (_row is null || _status != SessionStatus.InProgress || _row.CurrentItemId != itemId || !_sprint!.TryGetItem(itemId, out var item))
            {
                return false;
            }

            if (IsPastDeadline(item, time.GetUtcNow()))
            {
                await RecordTimeoutAsync(item, time.GetUtcNow());
            }
            else
            {
                ArmDeadlineTimer();
            }

            return true;
        });

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
        var updated = _row!.NextVersion();
        updated.Status = _status.ToString();
        updated.CurrentItemId = null;
        updated.CurrentPresentedAt = null;
        updated.UpdatedAt = time.GetUtcNow();
        await StoreAsync(() => store.UpdateSessionAsync(updated));
        _row = updated;
        ReportProgress();
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        _observers.Clear();
        await Owner.SessionClosedAsync(SessionId);
    }

    /// <summary>
    /// Tells the player's workshop, if any, how far they are and whether they play, paused or ended: counts and status
    /// only, never the answer. Fire and forget.
    /// </summary>
    private void ReportProgress()
    {
        if (_workshopId is not { } workshopId)
        {
            return;
        }

        try
        {
            _ = GrainFactory.GetGrain<IWorkshopGrain>(workshopId)
                .ReportProgressAsync(new ProgressReport(_row!.UserId, SessionId, _sprint!.Id, _responses.Count, _sprint.MaxItems, _status, _row.Version));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogWorkshopReportFailed(logger, exception, workshopId, SessionId);
        }
    }

    /// <summary>The caller's observer gets the session's pushes from now on, with any other screen still showing it.</summary>
    private void Bind(ISprintObserver? observer)
    {
        if (observer is null)
        {
            return;
        }

        _observers.Remove(observer);
        _observers.Add(observer);
        if (_observers.Count > MaxObservers)
        {
            _observers.RemoveAt(0);
        }
    }

    /// <summary>
    /// Sends one step to the bound observers without waiting for them. A step that cannot be delivered is logged;
    /// the player gets it anyway from the reply to their next call (every reply carries where the session stands).
    /// </summary>
    private void Push(ScoredAnswer? scored, PresentedItem? presented, CompletedSprint? completed)
    {
        if (scored is null && presented is null && completed is null)
        {
            return;
        }

        if (_observers.Count == 0)
        {
            LogNoObserver(logger, SessionId);
            return;
        }

        var events = new SprintEvents(scored, presented, completed);
        foreach (var observer in _observers)
        {
            _ = DeliverAsync(observer, events);
        }
    }

    private async Task DeliverAsync(ISprintObserver observer, SprintEvents events)
    {
        try
        {
            await observer.OnSprintEvents(events);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // That screen is gone; the player's next call binds the one they use now.
            LogPushFailed(logger, exception, SessionId);
            _observers.Remove(observer);
        }
    }

    private PresentedItem? Present()
    {
        var row = _row!;
        if (row.CurrentItemId is null || !_sprint!.TryGetItem(row.CurrentItemId, out var item))
        {
            return null;
        }

        return PresentedItem.Of(item, row.Language, SessionId, row.PresentedCount - 1, _sprint.MaxItems, row.CurrentPresentedAt);
    }

    /// <summary>
    /// The result with the passport's totals. Without <paramref name="totals"/> the completion is reported to the
    /// passport again (it counts it once), so the totals include it even if the first report was lost.
    /// </summary>
    private async Task<CompletedSprint> DescribeCompletionAsync(PassportTotals? totals)
    {
        var sprint = _sprint!;
        var row = _row!;
        var language = row.Language;
        totals = totals is null ? await ReportCompletionAsync() : Keep(totals);
        var results = sprint.Skills.Select(skillId =>
        {
            var estimate = _location[skillId].Estimate();
            var feedback = skills.Get(skillId).FeedbackFor(estimate.Level);
            return new SkillResult(skillId, estimate.Estimate, estimate.StandardError, estimate.Level, feedback.Strength.In(language), feedback.Tip.In(language));
        }).ToImmutableArray();
        var xp = _responses.Sum(response => response.Xp) + row.CompletionXp;
        return new CompletedSprint(SessionId, results, xp, totals.TotalXp, totals.Level, totals.Badges, _newBadges, sprint.Id);
    }

    /// <summary>Reports the stored completion to the passport, which counts it once; answers the passport's totals.</summary>
    private async Task<PassportTotals> ReportCompletionAsync()
    {
        var row = _row!;
        return Keep(await Owner.CompleteSprintAsync(new SprintFinished(SessionId, _sprint!.Id, row.CompletedAt ?? row.UpdatedAt, row.CompletionXp)));
    }

    // Which badges were new is known only when the passport first counts the completion; kept while active.
    private PassportTotals Keep(PassportTotals totals)
    {
        if (!totals.NewBadges.IsEmpty)
        {
            _newBadges = totals.NewBadges;
        }

        return totals;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} has no connection to push to; the player gets this step in the reply to their next call.")]
    private static partial void LogNoObserver(ILogger logger, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A push of session {SessionId} did not reach the player; the player gets this step in the reply to their next call.")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} could not be written; it is read from the database again before its next command.")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} moved on in the database; reading it again.")]
    private static partial void LogReading(ILogger logger, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} stood at item {ItemId}, which cannot be asked; it moves on to {NextItemId} (none: completed).")]
    private static partial void LogRepaired(ILogger logger, Guid sessionId, string? itemId, string? nextItemId);

    /// <summary>A write was refused (<see cref="SprintWrite"/>): the database holds another version of the session.</summary>
    private sealed class SessionMovedException(Guid sessionId, SprintWrite write)
        : Exception($"Session {sessionId} was not written ({write}): the database holds another version.");
}
