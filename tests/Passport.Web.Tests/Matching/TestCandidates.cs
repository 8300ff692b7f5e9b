using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Database;
using Passport.Domain.Sprints;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Matching;

/// <summary>What a test candidate's passport shows: a level per skill, and their matching preferences.</summary>
public sealed record CandidateSpec(
    IReadOnlyDictionary<string, int> Levels,
    string? HomePlace,
    int? HoursPerWeek = 32,
    IReadOnlyList<string>? Sectors = null,
    bool Findable = true);

/// <summary>
/// Job seekers with a measured passport, made fast: a real account through the API, then preferences and one
/// sprint's scored answers written straight to the database, as if they had played. Each skill is answered on every
/// item of the framework with the category most likely at the wanted level, so the passport shows that level.
/// </summary>
public static class TestCandidates
{
    public static async Task<(HttpClient Client, Guid Id)> AddAsync(PassportApp app, CandidateSpec spec)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(spec);
        var (client, id) = await Hosting.Accounts.NewJobSeekerWithIdAsync(app);
        var database = app.Services.GetRequiredService<PassportDatabase>();
        var sprints = app.Services.GetRequiredService<SprintCatalog>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO job_seeker_preferences (user_id, hours_per_week, updated_at, home_place, open_to_matching)
            VALUES (@id, @HoursPerWeek, @now, @HomePlace, @Findable)
            ON CONFLICT (user_id) DO UPDATE SET hours_per_week = excluded.hours_per_week, updated_at = excluded.updated_at,
                home_place = excluded.home_place, open_to_matching = excluded.open_to_matching
            """,
            new { id, spec.HoursPerWeek, now, spec.HomePlace, spec.Findable }, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO job_seeker_sectors (user_id, sector_id, position) VALUES (@id, @sector, @position)",
            (spec.Sectors ?? []).Select((sector, position) => new { id, sector, position }), transaction);
        var sessionId = Guid.NewGuid();
        var sprint = sprints.All[0];
        await connection.ExecuteAsync(
            """
            INSERT INTO sprint_sessions (id, user_id, sprint_id, status, language, presented_count, completion_xp, created_at, updated_at, completed_at)
            VALUES (@sessionId, @id, @sprintId, 'Completed', 'en', 0, 0, @now, @now, @now)
            """,
            new { sessionId, id, sprintId = sprint.Id, now }, transaction);
        var answers = spec.Levels.SelectMany(pair => sprints.All
                .SelectMany(s => s.Items)
                .Where(item => item.SkillId == pair.Key)
                .DistinctBy(item => item.Id)
                .Select(item => (item, category: MostLikelyCategory(item, pair.Value))))
            .Select((answer, position) => new
            {
                sessionId,
                itemId = answer.item.Id,
                id,
                skillId = answer.item.SkillId,
                position,
                answer.category,
                answeredAt = now,
            });
        await connection.ExecuteAsync(
            """
            INSERT INTO sprint_responses (session_id, item_id, user_id, skill_id, position, answer, category, xp, answered_at)
            VALUES (@sessionId, @itemId, @id, @skillId, @position, NULL, @category, 0, @answeredAt)
            """,
            answers, transaction);
        await transaction.CommitAsync();
        return (client, id);
    }

    /// <summary>Switches being findable by employers on or off, as the profile page does.</summary>
    public static async Task SetFindableAsync(PassportApp app, Guid userId, bool findable)
    {
        ArgumentNullException.ThrowIfNull(app);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var connection = await app.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE job_seeker_preferences SET open_to_matching = @findable, updated_at = @now WHERE user_id = @userId",
            new { userId, findable, now });
    }

    /// <summary>Levels 1..5 sit at theta −2, −1, 0, 1, 2 (the middles of the passport's level bands).</summary>
    private static int MostLikelyCategory(SprintItem item, int level) =>
        Enumerable.Range(0, item.Model.Categories).MaxBy(category => item.Model.Probability(level - 3, category));
}
