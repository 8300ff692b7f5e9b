using System.Collections.Immutable;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Passport.Data.Workshops;
using Passport.Domain.Sprints;
using Passport.Domain.Workshops;

namespace Passport.Grains.Workshops;

/// <summary>
/// A live workshop. The workshop and its participants are loaded on activation and written through before any
/// change is acknowledged; progress is only kept here, in memory (after a restart the board fills again as
/// participants answer). Boards are pushed whole to the subscribed coaches' pages.
/// </summary>
public sealed partial class WorkshopGrain(WorkshopRepository repository, TimeProvider time, ILogger<WorkshopGrain> logger) : Grain, IWorkshopGrain
{
    private const int MaxCodeAttempts = 10;

    private readonly List<Participant> _participants = [];
    private readonly HashSet<IWorkshopObserver> _observers = [];
    private WorkshopRow? _row;
    private WorkshopStatus _status;
    private WorkshopLifecycle? _lifecycle;

    private Guid WorkshopId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var row = await repository.GetAsync(WorkshopId, cancellationToken);
        if (row is null)
        {
            return;
        }

        Load(row);
        foreach (var participant in await repository.GetParticipantsAsync(WorkshopId, cancellationToken))
        {
            _participants.Add(new Participant(participant.UserId, participant.DisplayName));
        }
    }

    public async Task<string> OpenAsync(Guid coachUserId, Guid organisationId, string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (_row is not null)
        {
            throw new InvalidOperationException($"Workshop {WorkshopId} is open already.");
        }

        using var random = RandomNumberGenerator.Create();
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            var row = new WorkshopRow
            {
                Id = WorkshopId,
                OrganisationId = organisationId,
                CoachUserId = coachUserId,
                JoinCode = JoinCode.New(random).Value,
                Title = title.Trim(),
                Status = nameof(WorkshopStatus.Open),
                CreatedAt = time.GetUtcNow(),
            };
            if (await repository.CreateAsync(row))
            {
                Load(row);
                return row.JoinCode;
            }
        }

        throw new InvalidOperationException($"No free join code after {MaxCodeAttempts} attempts.");
    }

    public async Task<bool> JoinAsync(Guid userId, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        if (_lifecycle is not { CanJoin: true } || userId == Guid.Empty)
        {
            return false;
        }

        if (Find(userId) is null)
        {
            await repository.AddParticipantAsync(new WorkshopParticipantRow { WorkshopId = WorkshopId, UserId = userId, DisplayName = displayName, JoinedAt = time.GetUtcNow() });
            _lifecycle.Join();
            _participants.Add(new Participant(userId, displayName));
            Notify();
        }

        return true;
    }

    public async Task LeaveAsync(Guid userId)
    {
        if (_lifecycle is not { CanLeave: true } || Find(userId) is not { } participant)
        {
            return;
        }

        await repository.RemoveParticipantAsync(WorkshopId, userId);
        _lifecycle.Leave();
        _participants.Remove(participant);
        Notify();
    }

    public async Task<bool> CloseAsync(Guid coachUserId)
    {
        if (_row is null || _row.CoachUserId != coachUserId || !_lifecycle!.CanClose)
        {
            return false;
        }

        var closedAt = time.GetUtcNow();
        await repository.CloseAsync(WorkshopId, closedAt);
        _lifecycle.Close();
        _row.Status = _status.ToString();
        _row.ClosedAt = closedAt;
        Notify();
        return true;
    }

    public Task<WorkshopBoard?> GetBoardAsync(Guid coachUserId, Guid organisationId) =>
        Task.FromResult(MaySee(coachUserId, organisationId) ? Board() : null);

    public Task ReportProgressAsync(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (_lifecycle is not { IsOpen: true } || Find(report.UserId) is not { } participant)
        {
            return Task.CompletedTask;
        }

        if (participant.Apply(report))
        {
            Notify();
        }

        return Task.CompletedTask;
    }

    public Task<WorkshopBoard?> SubscribeAsync(Guid coachUserId, Guid organisationId, IWorkshopObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (!MaySee(coachUserId, organisationId))
        {
            return Task.FromResult<WorkshopBoard?>(null);
        }

        _observers.Add(observer);
        return Task.FromResult<WorkshopBoard?>(Board());
    }

    public Task UnsubscribeAsync(IWorkshopObserver observer)
    {
        _observers.Remove(observer);
        return Task.CompletedTask;
    }

    private void Load(WorkshopRow row)
    {
        _row = row;
        _status = Enum.Parse<WorkshopStatus>(row.Status);
        _lifecycle = new WorkshopLifecycle(() => _status, status => _status = status);
    }

    private bool MaySee(Guid coachUserId, Guid organisationId) =>
        _row is not null && coachUserId != Guid.Empty && (_row.CoachUserId == coachUserId || _row.OrganisationId == organisationId);

    private Participant? Find(Guid userId) => _participants.Find(participant => participant.UserId == userId);

    private WorkshopBoard Board() => new(WorkshopId, _row!.Title, _row.JoinCode, _status, [.. _participants.Select(participant => participant.Snapshot())]);

    private void Notify()
    {
        var board = Board();
        foreach (var observer in _observers)
        {
            try
            {
                // One-way: a slow or vanished page never holds up the workshop.
                _ = observer.OnBoardChanged(board);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogPushFailed(logger, exception, WorkshopId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not push the board of workshop {WorkshopId}.")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, Guid workshopId);

    /// <summary>
    /// A participant's progress, in memory only. Reports may arrive out of order, so each session only moves forward:
    /// a report older than the last one of the same session (by the session's row version) changes nothing.
    /// </summary>
    private sealed class Participant(Guid userId, string displayName)
    {
        private readonly List<string> _completedSprints = [];
        private readonly HashSet<Guid> _completedSessions = [];
        private Guid _sessionId;
        private int _version;
        private string? _sprintId;
        private int _answered;
        private int _maxItems;
        private ParticipantActivity _activity = ParticipantActivity.Waiting;

        public Guid UserId { get; } = userId;

        public bool Apply(ProgressReport report)
        {
            if (_completedSessions.Contains(report.SessionId) || (report.SessionId == _sessionId && report.Version <= _version))
            {
                return false;
            }

            _sessionId = report.SessionId;
            _version = report.Version;
            _sprintId = report.SprintId;
            _answered = report.Answered;
            _maxItems = report.MaxItems;
            _activity = ActivityOf(report.Status);
            if (_activity == ParticipantActivity.Finished)
            {
                _completedSessions.Add(report.SessionId);
                if (!_completedSprints.Contains(report.SprintId, StringComparer.Ordinal))
                {
                    _completedSprints.Add(report.SprintId);
                }
            }

            return true;
        }

        public ParticipantProgress Snapshot() =>
            new(UserId, displayName, _sprintId, _answered, _maxItems, _activity == ParticipantActivity.Finished, [.. _completedSprints], _activity);

        private static ParticipantActivity ActivityOf(SessionStatus status) => status switch
        {
            SessionStatus.Paused => ParticipantActivity.Paused,
            SessionStatus.Completed => ParticipantActivity.Finished,
            SessionStatus.Abandoned or SessionStatus.Expired => ParticipantActivity.Stopped,
            _ => ParticipantActivity.Playing,
        };
    }
}
