using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Insights;

/// <summary>A job seeker as the cohort reads them; the id only joins the rows below and never leaves the server.</summary>
public sealed class CohortPersonRow
{
    public Guid Id { get; set; }

    public int? BirthYear { get; set; }

    public string? HomePlace { get; set; }
}

public sealed class CohortEventRow
{
    public Guid PersonId { get; set; }

    public string Kind { get; set; } = "";

    public DateOnly OccurredOn { get; set; }
}

public sealed class CohortPlanStartRow
{
    public Guid PersonId { get; set; }

    public DateTimeOffset StartedAt { get; set; }
}

public sealed class CohortBarrierRow
{
    public Guid PersonId { get; set; }

    public string Barrier { get; set; } = "";
}

public sealed class CohortHandoverRow
{
    public Guid PersonId { get; set; }

    public string Status { get; set; } = "";

    public DateTimeOffset? ConsentedAt { get; set; }

    public DateTimeOffset? MetAt { get; set; }
}

/// <summary>Everything the municipality's knowledge base counts, read in one go per request.</summary>
public sealed record CohortRows(
    IReadOnlyList<CohortPersonRow> People,
    IReadOnlyList<CohortEventRow> Events,
    IReadOnlyList<CohortPlanStartRow> PlanStarts,
    IReadOnlyList<CohortBarrierRow> Barriers,
    IReadOnlyList<CohortHandoverRow> Handovers);

/// <summary>
/// Reads the rows the municipality's knowledge base counts: every job seeker (birth year, home place), their turning
/// points (<c>journey_events</c>), when their plan started (its first history entry), the barriers on their plan,
/// and every hand-over (<c>handovers</c>). The person ids only join these; the counts are made in the domain.
/// </summary>
public sealed class CohortRepository(PassportDatabase database)
{
    public async Task<CohortRows> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        async Task<IReadOnlyList<T>> Query<T>(string sql) =>
            [.. await connection.QueryAsync<T>(new CommandDefinition(sql, cancellationToken: cancellationToken))];

        return new CohortRows(
            await Query<CohortPersonRow>(
                """
                SELECT u.id AS Id, u.birth_year AS BirthYear, p.home_place AS HomePlace
                FROM users u
                JOIN user_roles r ON r.user_id = u.id AND r.role = 'JobSeeker'
                LEFT JOIN job_seeker_preferences p ON p.user_id = u.id
                """),
            await Query<CohortEventRow>(
                "SELECT person_id AS PersonId, kind AS Kind, occurred_on AS OccurredOn FROM journey_events ORDER BY person_id, occurred_on, recorded_at"),
            await Query<CohortPlanStartRow>("SELECT person_id AS PersonId, MIN(at) AS StartedAt FROM plan_history GROUP BY person_id"),
            await Query<CohortBarrierRow>("SELECT person_id AS PersonId, barrier AS Barrier FROM plan_barriers"),
            await Query<CohortHandoverRow>("SELECT person_id AS PersonId, status AS Status, consented_at AS ConsentedAt, met_at AS MetAt FROM handovers"));
    }
}
