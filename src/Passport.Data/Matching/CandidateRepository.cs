using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Matching;

/// <summary>
/// The matching read model: job seekers' preferences, sectors, experience kinds and certificates, and their scored
/// answers, read in bulk for the candidate pool and for one person's own matches.
/// </summary>
public sealed class CandidateRepository(PassportDatabase database)
{
    // Large enough to keep round trips few, small enough for SQLite's parameter limit.
    private const int IdChunk = 500;

    public async Task<IReadOnlyList<CandidateFactsRow>> ListFactsAsync(CandidateScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var facts = new Dictionary<Guid, (int? Hours, string? Place, List<string> Sectors, List<string> Kinds, List<string> Esco)>();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var (where, parameters) in Filters(scope))
        {
            var people = await connection.QueryAsync<PersonRow>(new CommandDefinition(
                $"""
                SELECT u.id AS UserId, p.hours_per_week AS HoursPerWeek, p.home_place AS HomePlace
                FROM users u
                LEFT JOIN job_seeker_preferences p ON p.user_id = u.id
                WHERE {where}
                """,
                parameters, cancellationToken: cancellationToken));
            foreach (var person in people)
            {
                facts[person.UserId] = (person.HoursPerWeek, person.HomePlace, [], [], []);
            }

            var sectors = await connection.QueryAsync<SectorRow>(new CommandDefinition(
                $"""
                SELECT s.user_id AS UserId, s.sector_id AS SectorId
                FROM job_seeker_sectors s
                JOIN users u ON u.id = s.user_id
                LEFT JOIN job_seeker_preferences p ON p.user_id = u.id
                WHERE {where}
                ORDER BY s.user_id, s.position
                """,
                parameters, cancellationToken: cancellationToken));
            foreach (var sector in sectors)
            {
                facts[sector.UserId].Sectors.Add(sector.SectorId);
            }

            var experiences = await connection.QueryAsync<ExperienceRow>(new CommandDefinition(
                $"""
                SELECT e.user_id AS UserId, e.kind AS Kind, e.esco_uris AS EscoUris
                FROM experiences e
                JOIN users u ON u.id = e.user_id
                LEFT JOIN job_seeker_preferences p ON p.user_id = u.id
                WHERE {where}
                """,
                parameters, cancellationToken: cancellationToken));
            foreach (var experience in experiences)
            {
                var entry = facts[experience.UserId];
                entry.Kinds.Add(experience.Kind);
                entry.Esco.AddRange(JsonSerializer.Deserialize<string[]>(experience.EscoUris) ?? []);
            }
        }

        return [.. facts.Select(pair => new CandidateFactsRow(
            pair.Key, pair.Value.Hours, pair.Value.Place, pair.Value.Sectors, pair.Value.Kinds, [.. pair.Value.Esco.Distinct(StringComparer.Ordinal)]))];
    }

    /// <summary>Scored answers in scope, grouped by person (in answer order), streamed so 100,000 people fit.</summary>
    public async IAsyncEnumerable<CandidateAnswerRow> StreamAnswersAsync(
        CandidateScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var (where, parameters) in Filters(scope))
        {
            var rows = connection.QueryUnbufferedAsync<CandidateAnswerRow>(
                $"""
                SELECT r.user_id AS UserId, r.item_id AS ItemId, r.category AS Category
                FROM sprint_responses r
                JOIN users u ON u.id = r.user_id
                LEFT JOIN job_seeker_preferences p ON p.user_id = u.id
                WHERE r.category IS NOT NULL AND {where}
                ORDER BY r.user_id, r.answered_at, r.position
                """,
                parameters);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                yield return row;
            }
        }
    }

    /// <summary>Job seekers whose answers, preferences or experiences changed at or after <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<Guid>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT user_id FROM sprint_responses WHERE answered_at >= @since
            UNION SELECT user_id FROM job_seeker_preferences WHERE updated_at >= @since
            UNION SELECT user_id FROM experiences WHERE updated_at >= @since
            """,
            new { since }, cancellationToken: cancellationToken));
        return [.. ids];
    }

    /// <summary>
    /// Those of <paramref name="userIds"/> who still exist and still let employers find them, with their language
    /// (the language their access log speaks).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, string>> StillFindableAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        var findable = new Dictionary<Guid, string>();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in userIds.Chunk(IdChunk))
        {
            var rows = await connection.QueryAsync<LanguageRow>(new CommandDefinition(
                $"""
                SELECT u.id AS UserId, u.language AS Language
                FROM users u JOIN job_seeker_preferences p ON p.user_id = u.id
                WHERE p.open_to_matching AND {database.IsIn("u.id", "chunk")}
                """,
                new { chunk }, cancellationToken: cancellationToken));
            foreach (var row in rows)
            {
                findable[row.UserId] = row.Language;
            }
        }

        return findable;
    }

    private IEnumerable<(string Where, object Parameters)> Filters(CandidateScope scope)
    {
        var open = scope.OpenOnly ? "p.open_to_matching" : "1 = 1";
        if (scope.UserIds is null)
        {
            yield return (open, new { });
            yield break;
        }

        foreach (var chunk in scope.UserIds.Chunk(IdChunk))
        {
            yield return ($"{open} AND {database.IsIn("u.id", "chunk")}", new { chunk });
        }
    }

    private sealed class PersonRow
    {
        public Guid UserId { get; set; }

        public int? HoursPerWeek { get; set; }

        public string? HomePlace { get; set; }
    }

    private sealed class LanguageRow
    {
        public Guid UserId { get; set; }

        public string Language { get; set; } = "";
    }

    private sealed class SectorRow
    {
        public Guid UserId { get; set; }

        public string SectorId { get; set; } = "";
    }

    private sealed class ExperienceRow
    {
        public Guid UserId { get; set; }

        public string Kind { get; set; } = "";

        public string EscoUris { get; set; } = "[]";
    }
}
