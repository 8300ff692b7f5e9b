using Dapper;
using Passport.Data.Database;
using Passport.Domain.SocialMap;

namespace Passport.Data.SocialMap;

/// <summary>
/// The organisations of the social map, each curated by one municipality, and the referrals to them counted from the
/// plans' steps (reach and impact).
/// </summary>
public sealed class SocialMapRepository(PassportDatabase database)
{
    private const string SelectOrganisation = """
        SELECT id AS Id, municipality_id AS MunicipalityId, name AS Name, kind AS Kind, place_id AS PlaceId, offers AS Offers,
               languages AS Languages, opening_times AS OpeningTimes, phone AS Phone, email AS Email, website AS Website,
               listed AS Listed, created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM social_map_organisations
        """;

    public async Task AddAsync(Guid id, Guid municipalityId, MapOrganisationValues values, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO social_map_organisations (id, municipality_id, name, kind, place_id, offers, languages, opening_times, phone, email, website, listed, created_at, updated_at)
            VALUES (@id, @municipalityId, @Name, @Kind, @PlaceId, @Offers, @Languages, @OpeningTimes, @Phone, @Email, @Website, @Listed, @at, @at)
            """,
            Parameters(values, new { id, municipalityId, at }), cancellationToken: cancellationToken));
    }

    /// <summary>Replaces an entry of <paramref name="municipalityId"/>'s map; false (nothing written) when it has no such entry.</summary>
    public async Task<bool> UpdateAsync(Guid id, Guid municipalityId, MapOrganisationValues values, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE social_map_organisations
            SET name = @Name, kind = @Kind, place_id = @PlaceId, offers = @Offers, languages = @Languages, opening_times = @OpeningTimes,
                phone = @Phone, email = @Email, website = @Website, listed = @Listed, updated_at = @at
            WHERE id = @id AND municipality_id = @municipalityId
            """,
            Parameters(values, new { id, municipalityId, at }), cancellationToken: cancellationToken)) == 1;
    }

    public async Task<MapOrganisation?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{SelectOrganisation} WHERE id = @id", new { id }, cancellationToken: cancellationToken));
        return row?.ToOrganisation();
    }

    /// <summary>One municipality's map, listed or not, by name.</summary>
    public async Task<IReadOnlyList<MapOrganisation>> ListOfMunicipalityAsync(Guid municipalityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{SelectOrganisation} WHERE municipality_id = @municipalityId ORDER BY name, id", new { municipalityId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToOrganisation())];
    }

    /// <summary>Every listed organisation of every municipality's map (young people cross municipal borders).</summary>
    public async Task<IReadOnlyList<MapOrganisation>> ListListedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{SelectOrganisation} WHERE listed = @listed ORDER BY name, id", new { listed = true }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToOrganisation())];
    }

    /// <summary>
    /// Per entry of the municipality's map: how many young people agreed to a referral to it, and of them how many
    /// went, stayed and were helped. Exact counts: they must go through small-cell suppression before they leave.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, MapReach>> ReachAsync(Guid municipalityId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReachRow>(new CommandDefinition(
            """
            SELECT s.referral_organisation_id AS OrganisationId,
                   COUNT(DISTINCT s.person_id) AS Referred,
                   COUNT(DISTINCT CASE WHEN s.referral_went = @yes THEN s.person_id END) AS Went,
                   COUNT(DISTINCT CASE WHEN s.referral_stayed = @yes THEN s.person_id END) AS Stayed,
                   COUNT(DISTINCT CASE WHEN s.referral_helped = @yes THEN s.person_id END) AS Helped
            FROM plan_steps s JOIN social_map_organisations o ON o.id = s.referral_organisation_id
            WHERE o.municipality_id = @municipalityId AND s.referral_share IS NOT NULL
            GROUP BY s.referral_organisation_id
            """,
            new { municipalityId, yes = true }, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.OrganisationId, row => new MapReach((int)row.Referred, (int)row.Went, (int)row.Stayed, (int)row.Helped));
    }

    /// <summary>
    /// The first <paramref name="count"/> simulated demo job seekers (demo accounts without a password, which nobody
    /// signs in as), by id, for the demo's referrals.
    /// </summary>
    public async Task<IReadOnlyList<(Guid Id, string DisplayName)>> SimulatedPeopleAsync(int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(Guid, string)>(new CommandDefinition(
            $"SELECT id, display_name FROM users WHERE is_demo = @yes AND password_hash IS NULL AND email LIKE 'candidate-%' ORDER BY id LIMIT {count}",
            new { yes = true }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    private static DynamicParameters Parameters(MapOrganisationValues values, object keys)
    {
        var parameters = new DynamicParameters(keys);
        parameters.AddDynamicParams(new
        {
            values.Name,
            Kind = values.Kind.ToString(),
            values.PlaceId,
            Offers = string.Join(',', values.Offers),
            Languages = string.Join(',', values.Languages),
            values.OpeningTimes,
            values.Phone,
            values.Email,
            values.Website,
            values.Listed,
        });
        return parameters;
    }

    private sealed class Row
    {
        public Guid Id { get; set; }

        public Guid MunicipalityId { get; set; }

        public string Name { get; set; } = "";

        public string Kind { get; set; } = "";

        public string PlaceId { get; set; } = "";

        public string Offers { get; set; } = "";

        public string Languages { get; set; } = "";

        public string? OpeningTimes { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public string? Website { get; set; }

        public bool Listed { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public MapOrganisation ToOrganisation() => new(
            Id, MunicipalityId, Name, Enum.Parse<SocialMapKind>(Kind), PlaceId,
            [.. Split(Offers).Select(Enum.Parse<SocialMapOffer>)], Split(Languages), OpeningTimes, Phone, Email, Website, Listed, CreatedAt, UpdatedAt);

        private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }

    private sealed class ReachRow
    {
        public Guid OrganisationId { get; set; }

        public long Referred { get; set; }

        public long Went { get; set; }

        public long Stayed { get; set; }

        public long Helped { get; set; }
    }
}

/// <summary>Exact counts of young people referred to one map organisation, and of them who went, stayed and were helped.</summary>
public sealed record MapReach(int Referred, int Went, int Stayed, int Helped);
