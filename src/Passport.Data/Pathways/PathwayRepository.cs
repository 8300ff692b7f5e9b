using System.Data.Common;
using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Pathways;

/// <summary>
/// Education pathways and their modules, entry requirements and skill gains. A pathway and its children are always
/// written together in one transaction, so a reader never sees a pathway without its modules.
/// </summary>
public sealed class PathwayRepository(PassportDatabase database)
{
    private const string SelectPathway =
        """
        SELECT p.id AS Id, p.organisation_id AS OrganisationId, p.title AS Title, p.place AS Place, p.latitude AS Latitude,
               p.longitude AS Longitude, p.capacity AS Capacity, p.status AS Status, p.starts_on AS StartsOn, p.ends_on AS EndsOn, p.created_at AS CreatedAt,
               p.updated_at AS UpdatedAt, p.translations AS Translations, o.name AS OrganisationName
        FROM pathways p
        JOIN organisations o ON o.id = p.organisation_id
        """;

    /// <summary>Stores a new pathway with its children; false (and nothing written) when the id exists already.</summary>
    public async Task<bool> CreateAsync(StoredPathway pathway, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pathway);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO pathways (id, organisation_id, title, place, latitude, longitude, capacity, status, starts_on, ends_on, created_at, updated_at, translations)
            VALUES (@Id, @OrganisationId, @Title, @Place, @Latitude, @Longitude, @Capacity, @Status, @StartsOn, @EndsOn, @CreatedAt, @UpdatedAt, @Translations)
            ON CONFLICT (id) DO NOTHING
            """,
            pathway.Pathway, transaction, cancellationToken: cancellationToken));
        if (inserted != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await InsertChildrenAsync(connection, transaction, pathway, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Replaces the editable content and every child row; the provider, status and creation time stay.
    /// False (and nothing written) when the pathway does not exist or is closed.
    /// </summary>
    public async Task<bool> UpdateAsync(StoredPathway pathway, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pathway);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE pathways
            SET title = @Title, place = @Place, latitude = @Latitude, longitude = @Longitude, capacity = @Capacity,
                starts_on = @StartsOn, ends_on = @EndsOn, updated_at = @UpdatedAt, translations = @Translations
            WHERE id = @Id AND status <> 'Closed'
            """,
            pathway.Pathway, transaction, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var key = new { pathwayId = pathway.Pathway.Id };
        foreach (var table in new[] { "pathway_modules", "pathway_entry_requirements", "pathway_gains" })
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {table} WHERE pathway_id = @pathwayId", key, transaction, cancellationToken: cancellationToken));
        }

        await InsertChildrenAsync(connection, transaction, pathway, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Moves the pathway to a new status; false when it was not in <paramref name="expectedStatus"/>.</summary>
    public async Task<bool> UpdateStatusAsync(
        Guid pathwayId, string expectedStatus, string status, DateTimeOffset updatedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE pathways SET status = @status, updated_at = @updatedAt WHERE id = @pathwayId AND status = @expectedStatus",
            new { pathwayId, expectedStatus, status, updatedAt }, cancellationToken: cancellationToken));
        return updated == 1;
    }

    public async Task<StoredPathway?> GetAsync(Guid pathwayId, CancellationToken cancellationToken = default)
    {
        var found = await ListAsync("p.id = @pathwayId", new { pathwayId }, null, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Every pathway of one provider, whatever its status, newest first.</summary>
    public Task<IReadOnlyList<StoredPathway>> ListOfOrganisationAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        ListOfOrganisationAsync(organisationId, null, cancellationToken);

    /// <summary>One page of the same list, in the same order.</summary>
    public Task<IReadOnlyList<StoredPathway>> ListOfOrganisationAsync(Guid organisationId, PageRequest? page, CancellationToken cancellationToken = default) =>
        ListAsync("p.organisation_id = @organisationId", new { organisationId }, page, cancellationToken);

    /// <summary>The pathways anyone may see: open and full ones (full ones still show what they teach), newest first.</summary>
    public Task<IReadOnlyList<StoredPathway>> ListPublishedAsync(CancellationToken cancellationToken = default) =>
        ListPublishedAsync(null, cancellationToken);

    /// <summary>One page of the same list, in the same order.</summary>
    public Task<IReadOnlyList<StoredPathway>> ListPublishedAsync(PageRequest? page, CancellationToken cancellationToken = default) =>
        ListAsync("p.status IN ('Open', 'Full')", new { }, page, cancellationToken);

    private async Task<IReadOnlyList<StoredPathway>> ListAsync(string filter, object parameters, PageRequest? page, CancellationToken cancellationToken)
    {
        // A page selects its pathways first, so their children are read for that page only.
        var where = page is null ? filter : $"p.id IN (SELECT p.id FROM pathways p WHERE {filter} ORDER BY p.created_at DESC, p.id DESC {page.Sql})";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var pathways = (await connection.QueryAsync<PathwayRow>(new CommandDefinition(
            $"{SelectPathway} WHERE {where} ORDER BY p.created_at DESC, p.id DESC", parameters, cancellationToken: cancellationToken))).ToList();
        if (pathways.Count == 0)
        {
            return [];
        }

        // The children of every selected pathway in three queries, rather than three per pathway.
        var subquery = $"SELECT p.id FROM pathways p WHERE {where}";
        var modules = await connection.QueryAsync<PathwayModuleRow>(new CommandDefinition(
            $"""
            SELECT pathway_id AS PathwayId, position AS Position, title AS Title, weeks AS Weeks
            FROM pathway_modules WHERE pathway_id IN ({subquery}) ORDER BY position
            """,
            parameters, cancellationToken: cancellationToken));
        var requirements = await connection.QueryAsync<PathwayRequirementRow>(new CommandDefinition(
            $"""
            SELECT pathway_id AS PathwayId, position AS Position, skill_id AS SkillId, minimum_level AS MinimumLevel
            FROM pathway_entry_requirements WHERE pathway_id IN ({subquery}) ORDER BY position
            """,
            parameters, cancellationToken: cancellationToken));
        var gains = await connection.QueryAsync<PathwayGainRow>(new CommandDefinition(
            $"""
            SELECT pathway_id AS PathwayId, position AS Position, skill_id AS SkillId, expected_gain AS ExpectedGain
            FROM pathway_gains WHERE pathway_id IN ({subquery}) ORDER BY position
            """,
            parameters, cancellationToken: cancellationToken));

        var modulesOf = modules.ToLookup(row => row.PathwayId);
        var requirementsOf = requirements.ToLookup(row => row.PathwayId);
        var gainsOf = gains.ToLookup(row => row.PathwayId);
        return [.. pathways.Select(row => new StoredPathway(row, [.. modulesOf[row.Id]], [.. requirementsOf[row.Id]], [.. gainsOf[row.Id]]))];
    }

    private static async Task InsertChildrenAsync(DbConnection connection, DbTransaction transaction, StoredPathway pathway, CancellationToken cancellationToken)
    {
        var id = pathway.Pathway.Id;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO pathway_modules (pathway_id, position, title, weeks) VALUES (@PathwayId, @Position, @Title, @Weeks)",
            pathway.Modules.Select((row, index) => new { PathwayId = id, Position = index, row.Title, row.Weeks }),
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO pathway_entry_requirements (pathway_id, skill_id, minimum_level, position)
            VALUES (@PathwayId, @SkillId, @MinimumLevel, @Position)
            """,
            pathway.EntryRequirements.Select((row, index) => new { PathwayId = id, Position = index, row.SkillId, row.MinimumLevel }),
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO pathway_gains (pathway_id, skill_id, expected_gain, position)
            VALUES (@PathwayId, @SkillId, @ExpectedGain, @Position)
            """,
            pathway.Gains.Select((row, index) => new { PathwayId = id, Position = index, row.SkillId, row.ExpectedGain }),
            transaction, cancellationToken: cancellationToken));
    }
}
