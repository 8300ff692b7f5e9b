using Dapper;
using Passport.Data.Database;
using Passport.Domain.Consent;
using Passport.Domain.Organisations;

namespace Passport.Data.Consent;

/// <summary>
/// Consents and their records. A consent and the record of what happened to it are written in one transaction,
/// so there is never a change without its record nor a record of a change that did not happen.
/// </summary>
public sealed class ConsentRepository(PassportDatabase database)
{
    private const string SelectConsent =
        """
        SELECT c.id AS Id, c.user_id AS UserId, c.audience_kind AS AudienceKind, c.audience_organisation_id AS AudienceOrganisationId,
               c.audience_sector AS AudienceSector, c.categories AS Categories, c.purpose AS Purpose, c.status AS Status,
               c.requested_by_user_id AS RequestedByUserId, c.created_at AS CreatedAt, c.decided_at AS DecidedAt,
               c.expires_at AS ExpiresAt, c.closed_at AS ClosedAt, o.name AS AudienceOrganisationName
        FROM consents c
        LEFT JOIN organisations o ON o.id = c.audience_organisation_id
        """;

    public async Task InsertAsync(ConsentRow consent, ConsentRecordRow record, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO consents (id, user_id, audience_kind, audience_organisation_id, audience_sector, categories, purpose, status,
                                  requested_by_user_id, created_at, decided_at, expires_at, closed_at)
            VALUES (@Id, @UserId, @AudienceKind, @AudienceOrganisationId, @AudienceSector, @Categories, @Purpose, @Status,
                    @RequestedByUserId, @CreatedAt, @DecidedAt, @ExpiresAt, @ClosedAt)
            """,
            consent, transaction, cancellationToken: cancellationToken));
        await InsertRecordAsync(connection, transaction, record, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Stores a change of status with its record; false (and nothing written) when the row was changed meanwhile.</summary>
    public async Task<bool> UpdateStatusAsync(ConsentRow consent, string expectedStatus, ConsentRecordRow record, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE consents SET status = @Status, decided_at = @DecidedAt, closed_at = @ClosedAt
            WHERE id = @Id AND status = @expectedStatus
            """,
            new { consent.Id, consent.Status, consent.DecidedAt, consent.ClosedAt, expectedStatus }, transaction, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await InsertRecordAsync(connection, transaction, record, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Shortens a granted consent to end at <paramref name="expiresAt"/>; false (nothing written) when the row is no longer granted.</summary>
    public async Task<bool> UpdateExpiryAsync(Guid id, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE consents SET expires_at = @expiresAt WHERE id = @id AND status = 'Granted'",
            new { id, expiresAt }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<IReadOnlyList<ConsentRow>> ListOfOwnerAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConsentRow>(new CommandDefinition(
            $"{SelectConsent} WHERE c.user_id = @userId ORDER BY c.created_at, c.id", new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<IReadOnlyList<ConsentRecordRow>> ListRecordsAsync(Guid userId, Guid consentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConsentRecordRow>(new CommandDefinition(
            """
            SELECT id AS Id, consent_id AS ConsentId, user_id AS UserId, event AS Event, recorded_at AS RecordedAt, record AS Record
            FROM consent_records WHERE user_id = @userId AND consent_id = @consentId ORDER BY recorded_at, id
            """,
            new { userId, consentId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Every record of every consent of this owner, oldest first (for the owner's data export).</summary>
    public async Task<IReadOnlyList<ConsentRecordRow>> ListRecordsOfOwnerAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConsentRecordRow>(new CommandDefinition(
            """
            SELECT id AS Id, consent_id AS ConsentId, user_id AS UserId, event AS Event, recorded_at AS RecordedAt, record AS Record
            FROM consent_records WHERE user_id = @userId ORDER BY recorded_at, id
            """,
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>
    /// The people who share something with staff of <paramref name="member"/> at <paramref name="now"/> (a consent
    /// granted, not expired, named for the organisation, for its sector if it is an employer, or for all education
    /// partners if it is one), the most recently granted first, with those consents. The kind and sector are the
    /// organisation's stored ones; the caller still checks <c>Includes</c> on each row.
    /// </summary>
    public async Task<IReadOnlyList<(Guid PersonId, IReadOnlyList<ConsentRow> Consents)>> ListSharingWithAsync(
        AudienceMember member, DateTimeOffset now, PageRequest? page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        var audience = "c.audience_organisation_id = @OrganisationId";
        if (member.Kind == OrganisationKind.Employer && member.Sector is not null)
        {
            audience += " OR (c.audience_kind = 'Sector' AND c.audience_sector = @Sector)";
        }

        if (member.Kind == OrganisationKind.EducationProvider)
        {
            audience += " OR c.audience_kind = 'AllEducationPartners'";
        }

        var active = $"c.status = 'Granted' AND (c.expires_at IS NULL OR c.expires_at > @now) AND ({audience})";
        var parameters = new { member.OrganisationId, member.Sector, now };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var people = (await connection.QueryAsync<Guid>(new CommandDefinition(
            $"SELECT c.user_id FROM consents c WHERE {active} GROUP BY c.user_id ORDER BY MAX(c.created_at) DESC, c.user_id {page?.Sql}",
            parameters, cancellationToken: cancellationToken))).ToList();
        if (people.Count == 0)
        {
            return [];
        }

        var rows = (await connection.QueryAsync<ConsentRow>(new CommandDefinition(
            $"{SelectConsent} WHERE {active} AND {database.IsIn("c.user_id", "people")} ORDER BY c.created_at DESC, c.id",
            new { member.OrganisationId, member.Sector, now, people }, cancellationToken: cancellationToken))).ToLookup(row => row.UserId);
        return [.. people.Select(person => (person, (IReadOnlyList<ConsentRow>)[.. rows[person]]))];
    }

    /// <summary>How many requests to share data the staff member made since <paramref name="since"/>, and when the first of them was.</summary>
    public async Task<RecentCount> CountRequestsSinceAsync(Guid staffUserId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<CountRow>(new CommandDefinition(
            "SELECT COUNT(*) AS Count, MIN(created_at) AS Oldest FROM consents WHERE requested_by_user_id = @staffUserId AND created_at > @since",
            new { staffUserId, since }, cancellationToken: cancellationToken));
        return row.ToRecentCount();
    }

    /// <summary>The requests staff of this organisation made and the owners' answers, newest first.</summary>
    public async Task<IReadOnlyList<ConsentRow>> ListRequestsOfAsync(Guid organisationId, PageRequest? page, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ConsentRow>(new CommandDefinition(
            $"""
            {SelectConsent}
            WHERE c.audience_organisation_id = @organisationId AND c.requested_by_user_id IS NOT NULL
            ORDER BY c.created_at DESC, c.id {page?.Sql}
            """,
            new { organisationId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<GuardianConsentRow?> FindGuardianConsentAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<GuardianConsentRow>(new CommandDefinition(
            """
            SELECT user_id AS UserId, guardian_name AS GuardianName, method AS Method, confirmed_by_user_id AS ConfirmedByUserId,
                   organisation_id AS OrganisationId, confirmed_at AS ConfirmedAt
            FROM guardian_consents WHERE user_id = @userId
            """,
            new { userId }, cancellationToken: cancellationToken));
    }

    /// <summary>Records (or replaces) the guardian's consent a coach confirmed.</summary>
    public async Task SaveGuardianConsentAsync(GuardianConsentRow row, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO guardian_consents (user_id, guardian_name, method, confirmed_by_user_id, organisation_id, confirmed_at)
            VALUES (@UserId, @GuardianName, @Method, @ConfirmedByUserId, @OrganisationId, @ConfirmedAt)
            ON CONFLICT (user_id) DO UPDATE SET guardian_name = excluded.guardian_name, method = excluded.method,
                confirmed_by_user_id = excluded.confirmed_by_user_id, organisation_id = excluded.organisation_id,
                confirmed_at = excluded.confirmed_at
            """,
            row, cancellationToken: cancellationToken));
    }

    private static Task<int> InsertRecordAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, ConsentRecordRow record, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO consent_records (id, consent_id, user_id, event, recorded_at, record)
            VALUES (@Id, @ConsentId, @UserId, @Event, @RecordedAt, @Record)
            """,
            record, transaction, cancellationToken: cancellationToken));
}
