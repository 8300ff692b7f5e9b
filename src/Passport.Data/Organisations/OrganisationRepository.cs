using Dapper;
using Passport.Data.Database;
using Passport.Domain.Organisations;

namespace Passport.Data.Organisations;

public sealed class OrganisationRepository(PassportDatabase database, TimeProvider time)
{
    private const string SelectOrganisation = """
        SELECT id, kind, name, sector, place, website, description, is_demo AS IsDemo,
               created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM organisations
        """;

    public async Task<Organisation?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{SelectOrganisation} WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToOrganisation();
    }

    /// <summary>Every organisation by name, or one page of them.</summary>
    public async Task<IReadOnlyList<Organisation>> ListAsync(PageRequest? page = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{SelectOrganisation} ORDER BY name, id {page?.Sql}", cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToOrganisation())];
    }

    /// <summary>Creates the organisation unless one with this id exists; returns whether it was created.</summary>
    public async Task<bool> CreateAsync(Guid id, OrganisationKind kind, OrganisationProfile profile, bool isDemo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var now = time.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO organisations (id, kind, name, sector, place, website, description, is_demo, created_at, updated_at)
            VALUES (@id, @kind, @Name, @Sector, @Place, @Website, @Description, @isDemo, @now, @now)
            ON CONFLICT (id) DO NOTHING
            """,
            new { id, kind = kind.ToString(), profile.Name, profile.Sector, profile.Place, profile.Website, profile.Description, isDemo, now },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <summary>
    /// Replaces kind and profile of <paramref name="current"/> and records each changed field in
    /// <c>organisation_changes</c>, in one transaction. Nothing is written when the stored row no longer matches
    /// <paramref name="current"/> (someone changed it meanwhile), nor a change of kind while staff accounts belong to the
    /// organisation (their roles follow the kind).
    /// </summary>
    public async Task<OrganisationUpdate> UpdateAsync(
        Organisation current, OrganisationKind kind, OrganisationProfile profile, OrganisationEditor editor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(editor);
        var changes = OrganisationChanges.Between(current.Kind, current.Profile, kind, profile);
        if (changes.Count == 0)
        {
            return new OrganisationUpdate(OrganisationUpdateOutcome.Done, current, changes);
        }

        var now = time.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (kind != current.Kind && await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM users WHERE organisation_id = @Id", new { current.Id }, transaction, cancellationToken: cancellationToken)) > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new OrganisationUpdate(OrganisationUpdateOutcome.KindHasStaff, null, []);
        }

        // Compare and swap on every field, so a change is recorded against the values it really replaced.
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE organisations
            SET kind = @kind, name = @Name, sector = @Sector, place = @Place, website = @Website, description = @Description, updated_at = @now
            WHERE id = @id AND kind = @oldKind AND name = @oldName AND COALESCE(sector, '') = COALESCE(@oldSector, '')
              AND COALESCE(place, '') = COALESCE(@oldPlace, '') AND COALESCE(website, '') = COALESCE(@oldWebsite, '')
              AND COALESCE(description, '') = COALESCE(@oldDescription, '')
            """,
            new
            {
                id = current.Id, kind = kind.ToString(), profile.Name, profile.Sector, profile.Place, profile.Website, profile.Description, now,
                oldKind = current.Kind.ToString(), oldName = current.Name, oldSector = current.Sector, oldPlace = current.Place,
                oldWebsite = current.Website, oldDescription = current.Description,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (updated != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new OrganisationUpdate(OrganisationUpdateOutcome.ChangedMeanwhile, null, []);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO organisation_changes (id, organisation_id, changed_at, changed_by_user_id, changed_by_role, field, old_value, new_value)
            VALUES (@Id, @OrganisationId, @ChangedAt, @ChangedByUserId, @ChangedByRole, @Field, @OldValue, @NewValue)
            """,
            changes.Select(change => new
            {
                Id = Guid.CreateVersion7(), OrganisationId = current.Id, ChangedAt = now, ChangedByUserId = editor.UserId,
                ChangedByRole = editor.IsAdmin ? "Admin" : "Staff", change.Field, change.OldValue, change.NewValue,
            }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new OrganisationUpdate(
            OrganisationUpdateOutcome.Done,
            current with
            {
                Kind = kind, Name = profile.Name!, Sector = profile.Sector, Place = profile.Place, Website = profile.Website,
                Description = profile.Description, UpdatedAt = now,
            },
            changes);
    }

    /// <summary>The organisation's changes, newest first, with the editor's current display name (null once their account is gone).</summary>
    public async Task<IReadOnlyList<OrganisationChangeRow>> ListChangesAsync(Guid organisationId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrganisationChangeRow>(new CommandDefinition(
            $"""
            SELECT c.id AS Id, c.organisation_id AS OrganisationId, c.changed_at AS ChangedAt, c.changed_by_user_id AS ChangedByUserId,
                   u.display_name AS ChangedByName, c.changed_by_role AS ChangedByRole, c.field AS Field, c.old_value AS OldValue,
                   c.new_value AS NewValue
            FROM organisation_changes c
            LEFT JOIN users u ON u.id = c.changed_by_user_id
            WHERE c.organisation_id = @organisationId
            ORDER BY c.changed_at DESC, c.id DESC
            {page.Sql}
            """,
            new { organisationId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The changes one account made to any organisation, oldest first: part of that person's data.</summary>
    public async Task<IReadOnlyList<OrganisationChangeRow>> ListChangesByAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrganisationChangeRow>(new CommandDefinition(
            """
            SELECT id AS Id, organisation_id AS OrganisationId, changed_at AS ChangedAt, changed_by_user_id AS ChangedByUserId,
                   changed_by_role AS ChangedByRole, field AS Field, old_value AS OldValue, new_value AS NewValue
            FROM organisation_changes
            WHERE changed_by_user_id = @userId
            ORDER BY changed_at, id
            """,
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    // Dapper fills settable properties with conversion (SQLite hands back Int64 for booleans); positional records need exact types.
    private sealed class Row
    {
        public Guid Id { get; init; }

        public string Kind { get; init; } = "";

        public string Name { get; init; } = "";

        public string? Sector { get; init; }

        public string? Place { get; init; }

        public string? Website { get; init; }

        public string? Description { get; init; }

        public bool IsDemo { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public Organisation ToOrganisation() => new(
            Id, Enum.Parse<OrganisationKind>(Kind), Name, Sector, Place, Website, Description, IsDemo, CreatedAt, UpdatedAt);
    }
}
