using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Insights;

/// <summary>Reads what the education insights aggregate: every scored sprint answer, grouped by person.</summary>
public sealed class InsightsRepository(PassportDatabase database)
{
    /// <summary>All scored answers, ordered by person so the caller can estimate one person at a time.</summary>
    public async Task<IReadOnlyList<ScoredAnswerRow>> ListScoredAnswersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ScoredAnswerRow>(new CommandDefinition(
            """
            SELECT user_id AS UserId, item_id AS ItemId, category AS Category
            FROM sprint_responses
            WHERE category IS NOT NULL
            ORDER BY user_id, answered_at, position
            """,
            cancellationToken: cancellationToken));
        return [.. rows];
    }
}
