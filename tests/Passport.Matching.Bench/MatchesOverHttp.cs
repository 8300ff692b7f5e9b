using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Load;

namespace Passport.Matching.Bench;

/// <summary>One measured phase of matches requests: latencies, rate, errors and the host's memory afterwards.</summary>
public sealed record HttpPhase(string Name, int Clients, LatencySummary Latency, double PerSecond, int Errors, ProcessMemory? HostMemory);

/// <summary>
/// <c>GET /api/employer/vacancies/{id}/matches?top=20</c> as the demo employer: signs in, finds its published
/// vacancies, warms every one up, then measures requests round-robin over them, one client or several.
/// </summary>
public sealed class MatchesOverHttp(HttpClient http, int? hostProcessId)
{
    public const int Top = 20;

    private const string Email = "employer@demo.test";
    private const string Password = "Passport-demo-1";

    public IReadOnlyList<Guid> Vacancies { get; private set; } = [];

    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        using var login = await http.PostAsJsonAsync(new Uri("api/auth/login", UriKind.Relative), new { email = Email, password = Password }, cancellationToken);
        login.EnsureSuccessStatusCode();
        using var body = await JsonDocument.ParseAsync(await login.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());

        using var list = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/employer/vacancies", UriKind.Relative), cancellationToken));
        Vacancies = [.. list.RootElement.EnumerateArray()
            .Where(vacancy => vacancy.GetProperty("status").GetString() == "published")
            .Select(vacancy => vacancy.GetProperty("id").GetGuid())];
    }

    /// <summary>Every vacancy <paramref name="rounds"/> times; the first request reads the pool if start-up has not.</summary>
    public async Task<TimeSpan> WarmAsync(int rounds, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var vacancy in Vacancies)
            {
                if (!await RequestAsync(vacancy, cancellationToken))
                {
                    throw new InvalidOperationException($"Warm-up: matches of vacancy {vacancy} failed.");
                }
            }
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary><paramref name="requests"/> requests in all, shared by <paramref name="clients"/> clients that each send one at a time.</summary>
    public async Task<HttpPhase> MeasureAsync(string name, int requests, int clients, CancellationToken cancellationToken)
    {
        var recorder = new LatencyRecorder();
        var next = -1;
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(
            async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < requests)
                {
                    var sent = Stopwatch.GetTimestamp();
                    var ok = await RequestAsync(Vacancies[index % Vacancies.Count], cancellationToken);
                    recorder.RecordSince(sent, Stopwatch.GetTimestamp());
                    if (!ok)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            },
            cancellationToken)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new HttpPhase(name, clients, recorder.Summarize(), requests / seconds, errors, hostProcessId is { } pid ? ProcessMemory.Read(pid) : null);
    }

    /// <summary>One request, its body read in full; true for 200 with <see cref="Top"/> cards.</summary>
    private async Task<bool> RequestAsync(Guid vacancy, CancellationToken cancellationToken)
    {
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"api/employer/vacancies/{vacancy}/matches?top={Top}"), UriKind.Relative);
        using var response = await http.GetAsync(uri, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"  {(int)response.StatusCode} for {uri}");
            return false;
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("candidates").GetArrayLength() == Top;
    }
}
