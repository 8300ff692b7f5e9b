using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Plans;

/// <summary>A person's contact person as stored, with who they are and how to reach them.</summary>
public sealed class ContactPersonRow
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public Guid StaffUserId { get; set; }

    public string StaffName { get; set; } = "";

    public string StaffEmail { get; set; } = "";

    public Guid OrganisationId { get; set; }

    public string OrganisationName { get; set; } = "";

    public string OrganisationKind { get; set; } = "";

    public string? OrganisationSector { get; set; }

    public string? OrganisationPlace { get; set; }

    public string? OrganisationWebsite { get; set; }

    public DateTimeOffset Since { get; set; }
}

/// <summary>
/// Contact persons: which staff member works with which young person, since when, and until when. Ending one keeps
/// its row (when, why, who took over), so a person's history of contact persons stays true.
/// </summary>
public sealed class ContactPersonRepository(PassportDatabase database)
{
    /// <summary>Why a contact person stopped; stored as written here.</summary>
    public const string EndedByStaff = "ended";
    public const string EndedByReassignment = "reassigned";

    private const string SelectActive =
        """
        SELECT c.id AS Id, c.person_id AS PersonId, c.staff_user_id AS StaffUserId, u.display_name AS StaffName, u.email AS StaffEmail,
               c.organisation_id AS OrganisationId, o.name AS OrganisationName, o.kind AS OrganisationKind, o.sector AS OrganisationSector, o.place AS OrganisationPlace,
               o.website AS OrganisationWebsite, c.since AS Since
        FROM contact_persons c
        JOIN users u ON u.id = c.staff_user_id
        JOIN organisations o ON o.id = c.organisation_id
        WHERE c.ended_at IS NULL
        """;

    /// <summary>Makes the staff member a contact person of the person; false (nothing written) when they are one already.</summary>
    public async Task<bool> AssignAsync(Guid personId, Guid staffUserId, Guid organisationId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO contact_persons (id, person_id, staff_user_id, organisation_id, since)
            VALUES (@id, @personId, @staffUserId, @organisationId, @since)
            ON CONFLICT DO NOTHING
            """,
            new { id = Guid.CreateVersion7(since), personId, staffUserId, organisationId, since }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Ends the staff member's role as the person's contact person; false when they were none.</summary>
    public async Task<bool> EndAsync(Guid personId, Guid staffUserId, DateTimeOffset at, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE contact_persons SET ended_at = @at, ended_reason = @reason
            WHERE person_id = @personId AND staff_user_id = @staffUserId AND ended_at IS NULL
            """,
            new { personId, staffUserId, at, reason }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Hands every person of <paramref name="fromUserId"/> over to <paramref name="toUserId"/> in one transaction: each
    /// old row ends naming the successor, and the successor becomes contact person where they were not one already.
    /// Returns the people handed over.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ReassignAsync(
        Guid fromUserId, Guid toUserId, Guid organisationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var people = (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT person_id FROM contact_persons WHERE staff_user_id = @fromUserId AND ended_at IS NULL ORDER BY since, id",
            new { fromUserId }, transaction, cancellationToken: cancellationToken))).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE contact_persons SET ended_at = @at, ended_reason = @reason, successor_user_id = @toUserId
            WHERE staff_user_id = @fromUserId AND ended_at IS NULL
            """,
            new { fromUserId, toUserId, at, reason = EndedByReassignment }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO contact_persons (id, person_id, staff_user_id, organisation_id, since)
            VALUES (@Id, @PersonId, @toUserId, @organisationId, @at)
            ON CONFLICT DO NOTHING
            """,
            people.Select(personId => new { Id = Guid.CreateVersion7(at), PersonId = personId, toUserId, organisationId, at }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return people;
    }

    /// <summary>The person's contact persons now, the longest-standing first.</summary>
    public async Task<IReadOnlyList<ContactPersonRow>> ListOfPersonAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<ContactPersonRow>(new CommandDefinition(
            $"{SelectActive} AND c.person_id = @personId ORDER BY c.since, c.id", new { personId }, cancellationToken: cancellationToken))];
    }

    /// <summary>The people a staff member is contact person of now.</summary>
    public async Task<IReadOnlySet<Guid>> PeopleOfStaffAsync(Guid staffUserId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT person_id FROM contact_persons WHERE staff_user_id = @staffUserId AND ended_at IS NULL",
            new { staffUserId }, cancellationToken: cancellationToken))).ToHashSet();
    }
}
