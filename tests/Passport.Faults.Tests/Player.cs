using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Passport.Load;

namespace Passport.Faults.Tests;

/// <summary>
/// One player on <c>/hubs/sprint</c> that follows docs/api.md and nothing more: answers each presented item after
/// a think time, starts another sprint when one completes, and when its connection drops (or the server asks it to
/// leave) connects to the next host, as a load balancer would send it, and calls <c>ResumeSprint</c>. It keeps no
/// watchdog: if the server never pushes the next item, the player waits, and <see cref="Waits"/> shows for how long.
/// </summary>
internal sealed class Player(
    int index, string token, IReadOnlyList<Uri> hosts, IReadOnlyList<string> sprints, AcknowledgedAnswers acknowledged, FaultLog log)
    : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly Random _random = new(index);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _recovering = new(1, 1);
    private readonly List<Wait> _waits = [];
    private HubConnection? _connection;
    private int _host = index % hosts.Count;
    private Guid? _session;
    private long _presented;
    private DateTimeOffset? _waitingSince;
    private readonly ConcurrentDictionary<Task, byte> _calls = new();
    private volatile bool _stopping;

    /// <summary>Every stretch of time the player could do nothing but wait for the server, the open one included.</summary>
    public IReadOnlyList<Wait> Waits
    {
        get
        {
            lock (_gate)
            {
                return _waitingSince is { } since ? [.. _waits, new Wait(since, null)] : [.. _waits];
            }
        }
    }

    /// <summary>The host the player is connected to now (its index in the cluster).</summary>
    public int Host => _host;

    public async Task StartAsync()
    {
        BeginWait();
        if (!await ConnectAsync(_host))
        {
            await RecoverAsync();
            return;
        }

        await BeginSprintAsync();
    }

    /// <summary>Stops answering and waits until the calls already sent are answered, so every acknowledgement is counted.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        var calls = _calls.Keys.Select(call => call.ContinueWith(_ => { }, TaskScheduler.Default));
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task<bool> ConnectAsync(int host)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(hosts[host], "hubs/sprint"), HttpTransportType.WebSockets, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.SkipNegotiation = true;
            })
            .Build();
        connection.On<JsonElement>("ItemPresented", OnItemPresented);
        // Handlers run on the connection's receive loop: a call awaited there would wait for itself.
        connection.On<JsonElement>("SprintCompleted", completed => { _ = BeginSprintAsync(); });
        // A host that is stopping asks its players to reconnect elsewhere (docs/api.md).
        connection.On<JsonElement>("ServerLeaving", leaving => { _ = MoveAsync(connection); });
        connection.Closed += error =>
        {
            if (!_stopping)
            {
                _ = MoveAsync(connection);
            }

            return Task.CompletedTask;
        };
        try
        {
            using var timeout = new CancellationTokenSource(ConnectTimeout);
            await connection.StartAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException or System.Net.WebSockets.WebSocketException)
        {
            log.Count($"connect to host {host + 1}", exception);
            await connection.DisposeAsync();
            return false;
        }

        var previous = Interlocked.Exchange(ref _connection, connection);
        _host = host;
        if (previous is not null && previous != connection)
        {
            _ = DisposeQuietlyAsync(previous);
        }

        return true;
    }

    private async Task MoveAsync(HubConnection from)
    {
        if (_connection == from)
        {
            await RecoverAsync();
        }
    }

    /// <summary>Connects to the next host that answers and resumes the session there.</summary>
    private async Task RecoverAsync()
    {
        if (_stopping || !await _recovering.WaitAsync(0))
        {
            return;
        }

        try
        {
            BeginWait();
            var host = _host;
            while (!_stopping)
            {
                host = (host + 1) % hosts.Count;
                if (await ConnectAsync(host))
                {
                    break;
                }

                // A client's back-off between attempts, not a synchronisation.
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }

            if (_stopping)
            {
                return;
            }

            if (_session is { } session && await TryCallAsync("ResumeSprint", session.ToString("D", CultureInfo.InvariantCulture)) is not Call.Refused)
            {
                return;
            }

            await BeginSprintAsync();
        }
        finally
        {
            _recovering.Release();
        }
    }

    private async Task BeginSprintAsync()
    {
        BeginWait();
        var sprintId = sprints[Next(sprints.Count)];
        var started = await TryInvokeAsync("StartSprint", sprintId);
        if (started is { } body)
        {
            _session = body.GetProperty("sessionId").GetGuid();
        }
    }

    private void OnItemPresented(JsonElement item)
    {
        long presented;
        lock (_gate)
        {
            presented = ++_presented;
            if (_waitingSince is { } since)
            {
                _waits.Add(new Wait(since, TimeProvider.System.GetUtcNow()));
                _waitingSince = null;
            }
        }

        _session = item.GetProperty("sessionId").GetGuid();
        // A timed item must be answered within its limit: answer well inside it, so no answer is late by design.
        var think = TimeSpan.FromMilliseconds(1000 + Next(1000));
        if (item.TryGetProperty("timeLimitMs", out var limit) && limit.ValueKind == JsonValueKind.Number)
        {
            think = TimeSpan.FromMilliseconds(Math.Min(think.TotalMilliseconds, limit.GetDouble() * 0.4));
        }

        _ = AnswerAfterAsync(item.Clone(), presented, think);
    }

    private async Task AnswerAfterAsync(JsonElement item, long presented, TimeSpan think)
    {
        // The player reading and thinking.
        await Task.Delay(think);
        object answer;
        lock (_gate)
        {
            // A newer item (or the same one presented again after a resume) replaces this one.
            if (_stopping || presented != _presented)
            {
                return;
            }

            answer = ItemAnswers.For(item, _random);
        }

        BeginWait();
        var sessionId = item.GetProperty("sessionId").GetGuid();
        var itemId = item.GetProperty("itemId").GetString()!;
        var result = await TryCallAsync("SubmitAnswer", sessionId.ToString("D", CultureInfo.InvariantCulture), itemId, answer);
        if (result is Call.Done)
        {
            acknowledged.Add(sessionId, itemId);
        }
        else if (result is Call.Refused)
        {
            // Refused answers leave the session as it was (docs/api.md): ask for the current item again.
            if (await TryCallAsync("ResumeSprint", sessionId.ToString("D", CultureInfo.InvariantCulture)) is Call.Refused)
            {
                await BeginSprintAsync();
            }
        }
    }

    private async Task<Call> TryCallAsync(string method, params object[] arguments) =>
        (await TryInvokeCoreAsync(method, arguments)).Item1;

    private async Task<JsonElement?> TryInvokeAsync(string method, params object[] arguments) =>
        await TryInvokeCoreAsync(method, arguments) is (Call.Done, var body) ? body : null;

    /// <summary>
    /// Calls until the server answers or refuses. A failure without a message is trouble on the server's side (a
    /// database outage); the calls are idempotent, so a client tries again after a moment, as docs/api.md says.
    /// </summary>
    private async Task<(Call, JsonElement?)> TryInvokeCoreAsync(string method, object[] arguments)
    {
        while (true)
        {
            var (call, body) = await InvokeOnceAsync(method, arguments);
            if (call != Call.Failed || _stopping)
            {
                return (call is Call.Failed ? Call.Lost : call, body);
            }

            // A client's back-off before trying again, not a synchronisation.
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private async Task<(Call, JsonElement?)> InvokeOnceAsync(string method, object[] arguments)
    {
        var connection = _connection;
        if (connection is null || _stopping)
        {
            return (Call.Lost, null);
        }

        var call = connection.InvokeCoreAsync<JsonElement>(method, arguments);
        _calls.TryAdd(call, 0);
        try
        {
            return (Call.Done, await call);
        }
        catch (HubException exception) when (exception.Message.Contains("HubException: ", StringComparison.Ordinal))
        {
            log.Count($"{method} refused", exception);
            return (Call.Refused, null);
        }
        catch (HubException exception)
        {
            log.Count($"{method} failed", exception);
            return (Call.Failed, null);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // The connection went; the Closed handler moves the player to another host.
            log.Count($"{method} lost", exception);
            if (connection.State == HubConnectionState.Connected && !_stopping)
            {
                _ = RecoverAsync();
            }

            return (Call.Lost, null);
        }
        finally
        {
            _calls.TryRemove(call, out _);
        }
    }

    private void BeginWait()
    {
        lock (_gate)
        {
            _waitingSince ??= TimeProvider.System.GetUtcNow();
        }
    }

    private int Next(int maxExclusive)
    {
        lock (_gate)
        {
            return _random.Next(maxExclusive);
        }
    }

    private static async Task DisposeQuietlyAsync(HubConnection connection)
    {
        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // The connection was already gone; that is why it is being replaced.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            await DisposeQuietlyAsync(connection);
        }

        _recovering.Dispose();
    }

    private enum Call
    {
        Done,
        Refused,
        Lost,
        Failed,
    }
}

/// <summary>A stretch of waiting for the server, from <paramref name="Since"/> until an item came (null: still waiting).</summary>
internal sealed record Wait(DateTimeOffset Since, DateTimeOffset? Until)
{
    /// <summary>How long of this wait fell after <paramref name="from"/>, counting an open wait until <paramref name="now"/>.</summary>
    public TimeSpan After(DateTimeOffset from, DateTimeOffset now)
    {
        var end = Until ?? now;
        var start = Since > from ? Since : from;
        return end > start ? end - start : TimeSpan.Zero;
    }
}
