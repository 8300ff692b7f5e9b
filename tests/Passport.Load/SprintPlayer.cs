using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Passport.Load;

/// <summary>
/// One simulated player on <c>/hubs/sprint</c>: starts a random sprint, answers each presented item after a think
/// time with a valid answer of the item's kind, and starts another sprint when one completes. The latency of an
/// answer runs from just before <c>SubmitAnswer</c> is invoked until its <c>AnswerScored</c> push arrives.
/// </summary>
public sealed class SprintPlayer : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly StepRun _run;
    private readonly AcknowledgedAnswers _acknowledged;
    private readonly IReadOnlyList<string> _sprints;
    private readonly Lock _gate = new();

    // The answer waiting for its AnswerScored push: at most one per player, as the protocol is one item at a time.
    private Guid _pendingSession;
    private string? _pendingItem;
    private long _pendingStart;
    private bool _pendingMeasured;

    public SprintPlayer(Uri baseUrl, string token, StepRun run, AcknowledgedAnswers acknowledged, IReadOnlyList<string> sprints)
    {
        _run = run;
        _acknowledged = acknowledged;
        _sprints = sprints;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "hubs/sprint"), HttpTransportType.WebSockets, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.SkipNegotiation = true;
            })
            .Build();
        _connection.On<JsonElement>("ItemPresented", OnItemPresented);
        _connection.On<JsonElement>("AnswerScored", OnAnswerScored);
        _connection.On<JsonElement>("SprintCompleted", _ => StartSprintInBackground());
        _connection.Closed += exception =>
        {
            if (!_run.Stopping)
            {
                _run.Errors.Count("connection closed", exception ?? new InvalidOperationException("closed by the server"));
            }

            return Task.CompletedTask;
        };
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _connection.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _run.Errors.Count("connect", exception);
            return;
        }

        await StartSprintAsync();
    }

    private void StartSprintInBackground() => _ = StartSprintAsync();

    private async Task StartSprintAsync()
    {
        while (!_run.Stopping && _connection.State == HubConnectionState.Connected)
        {
            var sprintId = _sprints[_run.NextInt(_sprints.Count)];
            try
            {
                // The first item follows as ItemPresented, which drives the rest.
                await _connection.InvokeAsync<JsonElement>("StartSprint", sprintId);
                return;
            }
            catch (Exception exception)
            {
                _run.Errors.Count("StartSprint", exception);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    private void OnItemPresented(JsonElement item)
    {
        if (_run.Stopping)
        {
            return;
        }

        // A timed item must be answered within its limit; answer it well inside, so no answer is late by design.
        TimeSpan? cap = item.TryGetProperty("timeLimitMs", out var limit) && limit.ValueKind == JsonValueKind.Number
            ? TimeSpan.FromMilliseconds(limit.GetDouble() * 0.5)
            : null;
        _ = AnswerAfterAsync(item.Clone(), _run.NextThink(cap));
    }

    private async Task AnswerAfterAsync(JsonElement item, TimeSpan think)
    {
        await Task.Delay(think);
        if (_run.Stopping || _connection.State != HubConnectionState.Connected)
        {
            return;
        }

        var sessionId = item.GetProperty("sessionId").GetGuid();
        var itemId = item.GetProperty("itemId").GetString()!;
        var answer = _run.Answer(item);
        var measured = _run.Measuring;
        lock (_gate)
        {
            _pendingSession = sessionId;
            _pendingItem = itemId;
            _pendingMeasured = measured;
            if (measured)
            {
                _run.Started();
            }

            _pendingStart = Stopwatch.GetTimestamp();
        }

        try
        {
            await _connection.InvokeAsync<JsonElement>("SubmitAnswer", sessionId.ToString("D", CultureInfo.InvariantCulture), itemId, answer);
            _acknowledged.Add(sessionId, itemId);
        }
        catch (Exception exception)
        {
            _run.Errors.Count("SubmitAnswer", exception);
            ClearPending(sessionId, itemId);
        }
    }

    private void OnAnswerScored(JsonElement scored)
    {
        var now = Stopwatch.GetTimestamp();
        var sessionId = scored.GetProperty("sessionId").GetGuid();
        var itemId = scored.GetProperty("itemId").GetString()!;
        _acknowledged.Add(sessionId, itemId);
        lock (_gate)
        {
            if (_pendingItem == itemId && _pendingSession == sessionId)
            {
                if (_pendingMeasured)
                {
                    _run.Latencies.RecordSince(_pendingStart, now);
                    _run.Finished();
                }

                _pendingItem = null;
            }
        }
    }

    private void ClearPending(Guid sessionId, string itemId)
    {
        lock (_gate)
        {
            if (_pendingItem == itemId && _pendingSession == sessionId)
            {
                if (_pendingMeasured)
                {
                    _run.Finished();
                }

                _pendingItem = null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.StopAsync();
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException or IOException)
        {
            // Closing at the end of a step; nothing to count.
        }

        await _connection.DisposeAsync();
    }
}
