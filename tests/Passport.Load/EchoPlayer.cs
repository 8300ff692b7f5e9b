using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Passport.Load;

/// <summary>
/// One connection on <c>/hubs/echo</c> with the same think time as a player: the latency from invoking
/// <c>Echo</c> until <c>Echoed</c> arrives is the ceiling for the sprint hub at the same load.
/// </summary>
public sealed class EchoPlayer : IAsyncDisposable
{
    // About the size of a SubmitAnswer message's arguments.
    private const string Payload = "{\"sessionId\":\"00000000-0000-0000-0000-000000000000\",\"itemId\":\"item-00\",\"answer\":{\"choice\":\"b\"}}";

    private readonly HubConnection _connection;
    private readonly StepRun _run;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    public EchoPlayer(Uri baseUrl, string token, StepRun run)
    {
        _run = run;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUrl, "hubs/echo"), HttpTransportType.WebSockets, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.SkipNegotiation = true;
            })
            .Build();
        _connection.On<long, string>("Echoed", (stamp, _) => OnEchoed(stamp));
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

        _loop = LoopAsync();
    }

    private async Task LoopAsync()
    {
        while (!_run.Stopping)
        {
            try
            {
                await Task.Delay(_run.NextThink(), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_run.Stopping || _connection.State != HubConnectionState.Connected)
            {
                return;
            }

            // The sign of the stamp says whether it counts: negative stamps are sent outside the window.
            var measured = _run.Measuring;
            if (measured)
            {
                _run.Started();
            }

            var stamp = Stopwatch.GetTimestamp();
            try
            {
                await _connection.InvokeAsync("Echo", measured ? stamp : -stamp, Payload);
            }
            catch (Exception exception)
            {
                _run.Errors.Count("Echo", exception);
                if (measured)
                {
                    _run.Finished();
                }
            }
        }
    }

    private void OnEchoed(long stamp)
    {
        if (stamp > 0)
        {
            _run.Latencies.RecordSince(stamp, Stopwatch.GetTimestamp());
            _run.Finished();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        try
        {
            await _connection.StopAsync();
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException or IOException)
        {
            // Closing at the end of a step; nothing to count.
        }

        await _connection.DisposeAsync();
        _stop.Dispose();
    }
}
