using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Passport.Faults.Tests;

/// <summary>
/// Asks every host, all through a fault, for a route that needs the database (the player's passport), one that
/// needs none (the sprint list, from content) and readiness, and keeps every answer's status. A 503 is an honest
/// answer during an outage; a 500 never is.
/// </summary>
internal sealed class RequestProbe : IAsyncDisposable
{
    private static readonly string[] Routes = ["api/me/passport", "api/sprints", "health/ready"];

    private readonly ConcurrentDictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    public RequestProbe(IReadOnlyList<Uri> hosts, string token)
    {
        _running = Task.WhenAll(hosts.Select(host => ProbeAsync(host, token, _stop.Token)));
    }

    /// <summary>Answers with a status of 500 or above other than 503, as "route status: body".</summary>
    public IReadOnlyCollection<string> ServerErrors => _serverErrors;

    public override string ToString() => string.Join(", ", _statuses.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}: {pair.Value}"));

    private async Task ProbeAsync(Uri host, string token, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await NextAsync(tick, cancellationToken))
        {
            foreach (var route in Routes)
            {
                await AskAsync(client, route, cancellationToken);
            }
        }
    }

    private async Task AskAsync(HttpClient client, string route, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(route, UriKind.Relative), cancellationToken);
            var status = (int)response.StatusCode;
            _statuses.AddOrUpdate($"{route} {status}", 1, (_, count) => count + 1);
            if (status >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                _serverErrors.Enqueue($"{client.BaseAddress}{route} {status}: {(body.Length > 1000 ? body[..1000] : body)}");
            }
        }
        catch (HttpRequestException)
        {
            // A stopped host refuses connections: no answer at all, which is not a server error.
            _statuses.AddOrUpdate($"{route} unreachable", 1, (_, count) => count + 1);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _statuses.AddOrUpdate($"{route} timeout", 1, (_, count) => count + 1);
        }
    }

    private static async Task<bool> NextAsync(PeriodicTimer tick, CancellationToken cancellationToken)
    {
        try
        {
            return await tick.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-request, as asked.
        }

        _stop.Dispose();
    }
}
