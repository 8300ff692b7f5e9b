using Dapper;
using Passport.Data.Database;
using Passport.Domain.Journeys;

namespace Passport.Data.Journeys;

/// <summary>A turning point to store: who recorded it is the young person or a professional (name and organisation copied now).</summary>
public sealed record NewTurningPoint(
    Guid Id, Guid PersonId, JourneyEventKind Kind, DateOnly OccurredOn, string? Note, Guid RecordedByUserId, string RecordedByName,
    string? OrganisationName, DateTimeOffset RecordedAt);

/// <summary>
/// The journey's storage: <c>journey_events</c> (written only here), and the plan, contact persons and hand-overs it
/// reads to show the rest of the journey.
/// </summary>
public sealed class JourneyRepository(PassportDatabase database)
{
    public async Task AddAsync(NewTurningPoint point, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(point);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO journey_events (id, person_id, kind, occurred_on, note, recorded_by_user_id, recorded_by_name, organisation_name, recorded_at)
            VALUES (@Id, @PersonId, @Kind, @OccurredOn, @Note, @RecordedByUserId, @RecordedByName, @OrganisationName, @RecordedAt)
            """,
            new
            {
                point.Id, point.PersonId, Kind = point.Kind.ToString(), point.OccurredOn, point.Note, point.RecordedByUserId, point.RecordedByName,
                point.OrganisationName, point.RecordedAt,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>Everything the person's journey is made of.</summary>
    public async Task<JourneyFacts> ReadAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var points = await connection.QueryAsync<PointRow>(new CommandDefinition(
            """
            SELECT id AS Id, kind AS Kind, occurred_on AS OccurredOn, note AS Note, recorded_by_name AS RecordedByName,
                   organisation_name AS OrganisationName, recorded_at AS RecordedAt
            FROM journey_events WHERE person_id = @personId ORDER BY occurred_on, recorded_at, id
            """,
            new { personId }, cancellationToken: cancellationToken));
        var planStarted = (await connection.QueryAsync<DateTimeOffset>(new CommandDefinition(
            "SELECT at FROM plan_history WHERE person_id = @personId ORDER BY at LIMIT 1", new { personId }, cancellationToken: cancellationToken)))
            .Select(at => (DateTimeOffset?)at).FirstOrDefault();
        var spells = await connection.QueryAsync<SpellRow>(new CommandDefinition(
            """
            SELECT u.display_name AS StaffName, o.name AS OrganisationName, c.since AS Since, c.ended_at AS EndedAt
            FROM contact_persons c JOIN users u ON u.id = c.staff_user_id JOIN organisations o ON o.id = c.organisation_id
            WHERE c.person_id = @personId ORDER BY c.since, c.id
            """,
            new { personId }, cancellationToken: cancellationToken));
        var handovers = await HandoverReads.OfPeopleAsync(connection, "h.person_id = @personId", new { personId }, cancellationToken);
        return new JourneyFacts(
            [.. points.Select(row => new RecordedTurningPoint(
                row.Id, Enum.Parse<JourneyEventKind>(row.Kind), row.OccurredOn, row.Note, row.RecordedByName, row.OrganisationName, row.RecordedAt))],
            planStarted,
            [.. spells.Select(row => new ContactPersonSpell(row.StaffName, row.OrganisationName, row.Since, row.EndedAt))],
            [.. handovers.Select(handover => handover.Facts)]);
    }

    /// <summary>The person's own turning points, for their export.</summary>
    public async Task<IReadOnlyList<RecordedTurningPoint>> ListAsync(Guid personId, CancellationToken cancellationToken = default) =>
        (await ReadAsync(personId, cancellationToken)).TurningPoints;

    /// <summary>Whether the person has any turning point recorded.</summary>
    public async Task<bool> HasAnyAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM journey_events WHERE person_id = @personId", new { personId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The first <paramref name="count"/> simulated demo candidates (addresses under <c>demo.invalid</c>), by id, with their names.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> SimulatedPeopleAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. (await connection.QueryAsync<PersonRow>(new CommandDefinition(
            "SELECT id AS Id, display_name AS Name FROM users WHERE normalized_email LIKE '%@DEMO.INVALID' ORDER BY id LIMIT @count",
            new { count }, cancellationToken: cancellationToken))).Select(row => (row.Id, row.Name))];
    }

    /// <summary>
    /// A professional's account is erased: the turning points they recorded for others stay (they are the young
    /// person's), without their name or id; the organisation's name stays.
    /// </summary>
    public async Task ForgetRecorderAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE journey_events SET recorded_by_name = NULL, recorded_by_user_id = NULL WHERE recorded_by_user_id = @userId AND person_id <> @userId",
            new { userId }, cancellationToken: cancellationToken));
    }

    private sealed class PointRow
    {
        public Guid Id { get; set; }

        public string Kind { get; set; } = "";

        public DateOnly OccurredOn { get; set; }

        public string? Note { get; set; }

        public string? RecordedByName { get; set; }

        public string? OrganisationName { get; set; }

        public DateTimeOffset RecordedAt { get; set; }
    }

    private sealed class PersonRow
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = "";
    }

    private sealed class SpellRow
    {
        public string StaffName { get; set; } = "";

        public string OrganisationName { get; set; } = "";

        public DateTimeOffset Since { get; set; }

        public DateTimeOffset? EndedAt { get; set; }
    }
}
