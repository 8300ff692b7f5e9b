using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using Npgsql;
using Passport.Load;

namespace Passport.Faults.Tests;

/// <summary>
/// After play: every answer a player was told is stored must be in the database (none lost), and each player's
/// passport must count every stored answer exactly once (XP and evidence equal to what the rows add up to).
/// </summary>
internal static class Ledger
{
    public static async Task<IReadOnlyList<string>> LostAsync(FaultCluster cluster, Team team)
    {
        var stored = await StoredAnswers.ReadPostgresAsync(cluster.Postgres);
        return [.. team.Acknowledged.Keys.Where(key => !stored.Contains(key)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Players whose passport (read over the API) does not match their stored rows, described.</summary>
    public static async Task<IReadOnlyList<string>> CountedWronglyAsync(FaultCluster cluster, Team team)
    {
        await using var connection = new NpgsqlConnection(cluster.Postgres);
        var rows = (await connection.QueryAsync<StoredTotals>(
            """
            SELECT u.email AS Email,
                   (SELECT coalesce(sum(r.xp), 0) FROM sprint_responses r WHERE r.user_id = u.id)
                 + (SELECT coalesce(sum(s.completion_xp), 0) FROM sprint_sessions s WHERE s.user_id = u.id AND s.status = 'Completed') AS Xp,
                   (SELECT count(*) FROM sprint_responses r WHERE r.user_id = u.id AND r.category IS NOT NULL) AS Evidence
            FROM users u
            WHERE u.email LIKE @pattern
            """,
            new { pattern = $"load-{team.RunId}-%" })).ToDictionary(row => row.Email, StringComparer.OrdinalIgnoreCase);

        var wrong = new List<string>();
        using var http = new HttpClient { BaseAddress = cluster.Hosts[0], Timeout = TimeSpan.FromSeconds(30) };
        for (var index = 0; index < team.Tokens.Count; index++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/me/passport", UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", team.Tokens[index]);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var passport = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var xp = passport.RootElement.GetProperty("xp").GetInt64();
            var evidence = passport.RootElement.GetProperty("skills").EnumerateArray().Sum(skill => skill.GetProperty("evidenceCount").GetInt64());
            var stored = rows.GetValueOrDefault(team.Email(index)) ?? new StoredTotals { Email = team.Email(index) };
            if (xp != stored.Xp || evidence != stored.Evidence)
            {
                wrong.Add($"player {index}: passport xp {xp}, evidence {evidence}; stored rows xp {stored.Xp}, evidence {stored.Evidence}");
            }
        }

        return wrong;
    }

    private sealed record StoredTotals
    {
        public string Email { get; init; } = "";
        public long Xp { get; init; }
        public long Evidence { get; init; }
    }
}
