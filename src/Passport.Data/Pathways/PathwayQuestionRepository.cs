using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Pathways;

/// <summary>Questions young people asked the providers of pathways; each row names the consent that lets the provider reach them.</summary>
public sealed class PathwayQuestionRepository(PassportDatabase database)
{
    private const string Select =
        """
        SELECT id AS Id, pathway_id AS PathwayId, organisation_id AS OrganisationId, user_id AS UserId, consent_id AS ConsentId,
               question AS Question, asked_at AS AskedAt
        FROM pathway_questions
        """;

    public async Task AddAsync(PathwayQuestionRow question, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(question);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO pathway_questions (id, pathway_id, organisation_id, user_id, consent_id, question, asked_at)
            VALUES (@Id, @PathwayId, @OrganisationId, @UserId, @ConsentId, @Question, @AskedAt)
            """,
            question, cancellationToken: cancellationToken));
    }

    /// <summary>The questions about one pathway, oldest first (the order they came in); one page of them when <paramref name="page"/> is given.</summary>
    public Task<IReadOnlyList<PathwayQuestionRow>> ListForPathwayAsync(Guid pathwayId, PageRequest? page = null, CancellationToken cancellationToken = default) =>
        ListAsync($"WHERE pathway_id = @pathwayId ORDER BY asked_at, id {page?.Sql}", new { pathwayId }, cancellationToken);

    /// <summary>One person's questions about one pathway, oldest first.</summary>
    public Task<IReadOnlyList<PathwayQuestionRow>> ListOfUserAsync(Guid userId, Guid pathwayId, CancellationToken cancellationToken = default) =>
        ListAsync("WHERE user_id = @userId AND pathway_id = @pathwayId ORDER BY asked_at, id", new { userId, pathwayId }, cancellationToken);

    /// <summary>Everything one person asked, oldest first (their data export).</summary>
    public Task<IReadOnlyList<PathwayQuestionRow>> ListOfUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ListAsync("WHERE user_id = @userId ORDER BY asked_at, id", new { userId }, cancellationToken);

    /// <summary>How many questions each of an organisation's pathways has, for its list of pathways.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> CountByPathwayAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CountRow>(new CommandDefinition(
            "SELECT pathway_id AS PathwayId, COUNT(*) AS Count FROM pathway_questions WHERE organisation_id = @organisationId GROUP BY pathway_id",
            new { organisationId }, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.PathwayId, row => (int)row.Count);
    }

    private async Task<IReadOnlyList<PathwayQuestionRow>> ListAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<PathwayQuestionRow>(new CommandDefinition($"{Select} {where}", parameters, cancellationToken: cancellationToken))];
    }

    private sealed class CountRow
    {
        public Guid PathwayId { get; set; }

        public long Count { get; set; }
    }
}
