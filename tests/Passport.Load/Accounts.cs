using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Passport.Load;

/// <summary>Job-seeker accounts for the players: signed up and signed in over the public API, once per run.</summary>
public static class Accounts
{
    private const string Password = "Load-test-password-1";

    public static async Task<IReadOnlyList<string>> CreateAsync(HttpClient client, int count, int concurrency, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var tokens = new string[count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), options, async (index, token) =>
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"load-{runId}-{index}@load.test");
            using (var register = await client.PostAsJsonAsync(new Uri("api/auth/register", UriKind.Relative),
                new { email, password = Password, displayName = $"Load player {index}", birthYear = 2000, language = "en" }, token))
            {
                if (register.StatusCode is not HttpStatusCode.Accepted)
                {
                    throw new HttpRequestException($"register {email}: {(int)register.StatusCode} {await register.Content.ReadAsStringAsync(token)}");
                }
            }

            using var login = await client.PostAsJsonAsync(new Uri("api/auth/login", UriKind.Relative), new { email, password = Password }, token);
            if (!login.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"login {email}: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync(token)}");
            }

            using var body = await JsonDocument.ParseAsync(await login.Content.ReadAsStreamAsync(token), cancellationToken: token);
            tokens[index] = body.RootElement.GetProperty("accessToken").GetString()!;
        });
        return tokens;
    }

    public static async Task<IReadOnlyList<string>> SprintIdsAsync(HttpClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("api/sprints", UriKind.Relative), cancellationToken));
        return [.. body.RootElement.EnumerateArray().Select(sprint => sprint.GetProperty("id").GetString()!)];
    }
}
