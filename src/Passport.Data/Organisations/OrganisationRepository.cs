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

    public async Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{SelectOrganisation} ORDER BY name, id", cancellationToken: cancellationToken));
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

    /// <summary>Replaces the editable profile; returns false when the organisation does not exist.</summary>
    public async Task<bool> UpdateProfileAsync(Guid id, OrganisationProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE organisations
            SET name = @Name, sector = @Sector, place = @Place, website = @Website, description = @Description, updated_at = @now
            WHERE id = @id
            """,
            new { id, profile.Name, profile.Sector, profile.Place, profile.Website, profile.Description, now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
        return updated == 1;
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
