using System.Data.Common;
using System.Net;
using Dapper;
using Passport.Data.Database;
using Passport.Data.Notifications;

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

/// <summary>A person handed over to a successor: the ended row, and how to reach the person (for telling them).</summary>
public sealed class HandedOver
{
    public Guid RowId { get; set; }

    public Guid PersonId { get; set; }

    public string Email { get; set; } = "";

    public string Language { get; set; } = "";
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
    public const string EndedByConsent = "consent-revoked";

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

    /// <summary>
    /// Makes the staff member a contact person of the person; false (nothing written) when they are one already. The
    /// person's <paramref name="notice"/>, made from the new row's id, is written in the same transaction.
    /// </summary>
    public async Task<bool> AssignAsync(
        Guid personId, Guid staffUserId, Guid organisationId, DateTimeOffset since, Func<Guid, PersonNotice>? notice = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = Guid.CreateVersion7(since);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO contact_persons (id, person_id, staff_user_id, organisation_id, since)
            VALUES (@id, @personId, @staffUserId, @organisationId, @since)
            ON CONFLICT DO NOTHING
            """,
            new { id, personId, staffUserId, organisationId, since }, transaction, cancellationToken: cancellationToken)) == 1;
        if (inserted && notice is not null)
        {
            await PersonNotices.WriteAsync(connection, transaction, [notice(id)], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>
    /// Ends the staff member's role as the person's contact person; false when they were none. The person's
    /// <paramref name="notice"/>, made from the ended row's id, is written in the same transaction.
    /// </summary>
    public async Task<bool> EndAsync(
        Guid personId, Guid staffUserId, DateTimeOffset at, string reason, Func<Guid, PersonNotice>? notice = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ended = (await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            UPDATE contact_persons SET ended_at = @at, ended_reason = @reason
            WHERE person_id = @personId AND staff_user_id = @staffUserId AND ended_at IS NULL
            RETURNING id
            """,
            new { personId, staffUserId, at, reason }, transaction, cancellationToken: cancellationToken))).ToList();
        if (ended.Count == 1 && notice is not null)
        {
            await PersonNotices.WriteAsync(connection, transaction, [notice(ended[0])], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ended.Count == 1;
    }

    /// <summary>
    /// Ends every contact person the organisation has for the person (the person stopped sharing their plan with it);
    /// returns how many ended. Nobody is told: the person made the change themself.
    /// </summary>
    public async Task<int> EndForOrganisationAsync(Guid personId, Guid organisationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE contact_persons SET ended_at = @at, ended_reason = @reason
            WHERE person_id = @personId AND organisation_id = @organisationId AND ended_at IS NULL
            """,
            new { personId, organisationId, at, reason = EndedByConsent }, cancellationToken: cancellationToken));
    }

    /// <summary>The organisations that are contact persons of the person now.</summary>
    public async Task<IReadOnlyList<Guid>> OrganisationsOfPersonAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return [.. await connection.QueryAsync<Guid>(new CommandDefinition(
            "SELECT DISTINCT organisation_id FROM contact_persons WHERE person_id = @personId AND ended_at IS NULL",
            new { personId }, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// Hands every person of <paramref name="fromUserId"/> over to <paramref name="toUserId"/> inside the caller's
    /// transaction (a deactivation): each old row ends naming the successor, and the successor becomes contact person
    /// where they were not one already. Returns the rows handed over, with how to reach each person.
    /// </summary>
    public static async Task<IReadOnlyList<HandedOver>> HandOverAsync(
        DbConnection connection, DbTransaction transaction, Guid fromUserId, Guid toUserId, Guid organisationId, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var handedOver = (await connection.QueryAsync<HandedOver>(new CommandDefinition(
            """
            SELECT c.id AS RowId, c.person_id AS PersonId, COALESCE(u.email, '') AS Email, u.language AS Language
            FROM contact_persons c JOIN users u ON u.id = c.person_id
            WHERE c.staff_user_id = @fromUserId AND c.ended_at IS NULL ORDER BY c.since, c.id
            """,
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
            handedOver.Select(row => new { Id = Guid.CreateVersion7(at), row.PersonId, toUserId, organisationId, at }),
            transaction, cancellationToken: cancellationToken));
        return handedOver;
    }

    /// <summary>
    /// A staff account is erased: its name leaves the notices of <paramref name="kinds"/> that people were sent about
    /// it (in the app and in the outbox), which keep that something changed, as the plans do.
    /// </summary>
    public async Task ForgetStaffInNoticesAsync(Guid staffUserId, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var name = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT display_name FROM users WHERE id = @staffUserId", new { staffUserId }, transaction, cancellationToken: cancellationToken));
        if (!string.IsNullOrEmpty(name))
        {
            // One kind at a time: a list parameter is expanded on SQLite but sent as an array to PostgreSQL.
            foreach (var kind in kinds)
            {
                var parameters = new { name, html = WebUtility.HtmlEncode(name), kind, pattern = $"%{name}%" };
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE notifications SET title = REPLACE(title, @name, ''), body = REPLACE(body, @name, '')
                    WHERE kind = @kind AND (title LIKE @pattern OR body LIKE @pattern)
                    """,
                    parameters, transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE outgoing_emails
                    SET subject = REPLACE(subject, @name, ''), text_body = REPLACE(text_body, @name, ''), html_body = REPLACE(html_body, @html, '')
                    WHERE kind = @kind AND (subject LIKE @pattern OR text_body LIKE @pattern)
                    """,
                    parameters, transaction, cancellationToken: cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
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
