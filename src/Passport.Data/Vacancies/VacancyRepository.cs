using System.Data.Common;
using Dapper;
using Passport.Data.Database;
using Passport.Data.Localization;
using Passport.Domain.Vacancies;

namespace Passport.Data.Vacancies;

/// <summary>
/// Employers' vacancies with their skill profile and must-haves. A vacancy and its child rows are written in one
/// transaction, so a reader never sees half a vacancy; status changes only move from the status the caller saw.
/// </summary>
public sealed class VacancyRepository(PassportDatabase database)
{
    private const string SelectVacancy =
        """
        SELECT v.id AS Id, v.organisation_id AS OrganisationId, v.created_by_user_id AS CreatedByUserId, v.title AS Title,
               v.sector AS Sector, v.latitude AS Latitude, v.longitude AS Longitude, v.place AS Place, v.hours_per_week AS HoursPerWeek,
               v.status AS Status, v.created_at AS CreatedAt, v.published_at AS PublishedAt, v.closed_at AS ClosedAt,
               v.translations AS Translations
        FROM vacancies v
        """;

    /// <summary>Stores a new vacancy with its skills and must-haves; false (and nothing written) when the id exists already.</summary>
    public async Task<bool> CreateAsync(VacancyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var vacancy = record.Vacancy;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO vacancies (id, organisation_id, created_by_user_id, title, sector, latitude, longitude, place, hours_per_week,
                                   status, created_at, published_at, closed_at, translations)
            VALUES (@Id, @OrganisationId, @CreatedByUserId, @Title, @Sector, @Latitude, @Longitude, @Place, @HoursPerWeek,
                    @Status, @CreatedAt, @PublishedAt, @ClosedAt, @Translations)
            ON CONFLICT (id) DO NOTHING
            """,
            new VacancyRow
            {
                Id = record.Id,
                OrganisationId = record.OrganisationId,
                CreatedByUserId = record.CreatedByUserId,
                Title = vacancy.Title,
                Sector = vacancy.Sector,
                Latitude = vacancy.Location.Latitude,
                Longitude = vacancy.Location.Longitude,
                Place = vacancy.Location.Place,
                HoursPerWeek = vacancy.HoursPerWeek,
                Status = record.Status.ToString(),
                CreatedAt = record.CreatedAt,
                PublishedAt = record.PublishedAt,
                ClosedAt = record.ClosedAt,
                Translations = TranslationsOf(vacancy),
            },
            transaction, cancellationToken: cancellationToken));
        if (inserted != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await InsertChildrenAsync(connection, transaction, record.Id, vacancy, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<VacancyRecord?> GetAsync(Guid vacancyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        const string Where = "v.id = @vacancyId";
        var row = await connection.QuerySingleOrDefaultAsync<VacancyRow>(new CommandDefinition(
            $"{SelectVacancy} WHERE {Where}", new { vacancyId }, cancellationToken: cancellationToken));
        return row is null ? null : (await WithChildrenAsync(connection, [row], Where, new { vacancyId }, cancellationToken))[0];
    }

    /// <summary>The organisation's vacancies in every status, the newest first.</summary>
    public Task<IReadOnlyList<VacancyRecord>> ListOfOrganisationAsync(Guid organisationId, CancellationToken cancellationToken = default) =>
        ListOfOrganisationAsync(organisationId, null, cancellationToken);

    /// <summary>One page of the same list, in the same order.</summary>
    public async Task<IReadOnlyList<VacancyRecord>> ListOfOrganisationAsync(Guid organisationId, PageRequest? page, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // A page selects its vacancies first, so their skills and must-haves are read for that page only.
        var where = page is null
            ? "v.organisation_id = @organisationId"
            : $"v.id IN (SELECT id FROM vacancies WHERE organisation_id = @organisationId ORDER BY created_at DESC, id DESC {page.Sql})";
        var rows = await connection.QueryAsync<VacancyRow>(new CommandDefinition(
            $"{SelectVacancy} WHERE {where} ORDER BY v.created_at DESC, v.id DESC",
            new { organisationId }, cancellationToken: cancellationToken));
        return await WithChildrenAsync(connection, [.. rows], where, new { organisationId }, cancellationToken);
    }

    /// <summary>How many of the organisation's vacancies are open: drafts and published ones.</summary>
    public async Task<int> CountOpenAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM vacancies WHERE organisation_id = @organisationId AND status IN ('Draft', 'Published')",
            new { organisationId }, cancellationToken: cancellationToken));
    }

    /// <summary>Every published vacancy, oldest first (for matching and job seekers).</summary>
    public async Task<IReadOnlyList<VacancyRecord>> ListPublishedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        const string Where = "v.status = 'Published'";
        var rows = await connection.QueryAsync<VacancyRow>(new CommandDefinition(
            $"{SelectVacancy} WHERE {Where} ORDER BY v.created_at, v.id", cancellationToken: cancellationToken));
        return await WithChildrenAsync(connection, [.. rows], Where, null, cancellationToken);
    }

    /// <summary>Moves the vacancy from <paramref name="expected"/> to <paramref name="status"/>; false (nothing written) when it was not in <paramref name="expected"/>.</summary>
    public async Task<bool> UpdateStatusAsync(
        Guid vacancyId, VacancyStatus expected, VacancyStatus status, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        // Each status has its own moment column; naming it here keeps the SQL plain in both dialects.
        var column = status switch
        {
            VacancyStatus.Published => "published_at",
            VacancyStatus.Closed => "closed_at",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A vacancy only moves to published or closed."),
        };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE vacancies SET status = @newStatus, {column} = @at WHERE id = @vacancyId AND status = @oldStatus",
            new { vacancyId, oldStatus = expected.ToString(), newStatus = status.ToString(), at }, cancellationToken: cancellationToken));
        return updated == 1;
    }

    /// <summary>
    /// Replaces what the vacancy says (title, sector, place, hours, skills and must-haves) and, when
    /// <paramref name="change"/> is given, records it in <c>vacancy_changes</c>, in one transaction. Nothing is written
    /// when the row is no longer in <paramref name="expected"/> (closed or moved meanwhile).
    /// </summary>
    public async Task<bool> UpdateAsync(
        Guid vacancyId, VacancyStatus expected, Vacancy vacancy, VacancyChangeRow? change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE vacancies
            SET title = @Title, sector = @Sector, latitude = @Latitude, longitude = @Longitude, place = @Place, hours_per_week = @HoursPerWeek,
                translations = @Translations
            WHERE id = @vacancyId AND status = @status
            """,
            new
            {
                vacancyId, status = expected.ToString(), vacancy.Title, vacancy.Sector, vacancy.Location.Latitude, vacancy.Location.Longitude,
                vacancy.Location.Place, vacancy.HoursPerWeek, Translations = TranslationsOf(vacancy),
            },
            transaction, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM vacancy_skills WHERE vacancy_id = @vacancyId", new { vacancyId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM vacancy_must_haves WHERE vacancy_id = @vacancyId", new { vacancyId }, transaction, cancellationToken: cancellationToken));
        await InsertChildrenAsync(connection, transaction, vacancyId, vacancy, cancellationToken);
        if (change is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO vacancy_changes (id, vacancy_id, changed_at, changed_by_user_id, fields)
                VALUES (@Id, @VacancyId, @ChangedAt, @ChangedByUserId, @Fields)
                """,
                change, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>One page of the vacancy's recorded changes, newest first, with the editor's current display name (null once their account is gone).</summary>
    public async Task<IReadOnlyList<VacancyChangeRow>> ListChangesAsync(Guid vacancyId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<VacancyChangeRow>(new CommandDefinition(
            $"""
            SELECT c.id AS Id, c.vacancy_id AS VacancyId, c.changed_at AS ChangedAt, c.changed_by_user_id AS ChangedByUserId,
                   u.display_name AS ChangedByName, c.fields AS Fields
            FROM vacancy_changes c
            LEFT JOIN users u ON u.id = c.changed_by_user_id
            WHERE c.vacancy_id = @vacancyId
            ORDER BY c.changed_at DESC, c.id DESC
            {page.Sql}
            """,
            new { vacancyId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The changes one account made to any vacancy, oldest first: part of that person's data.</summary>
    public async Task<IReadOnlyList<VacancyChangeRow>> ListChangesByAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<VacancyChangeRow>(new CommandDefinition(
            """
            SELECT id AS Id, vacancy_id AS VacancyId, changed_at AS ChangedAt, changed_by_user_id AS ChangedByUserId, fields AS Fields
            FROM vacancy_changes
            WHERE changed_by_user_id = @userId
            ORDER BY changed_at, id
            """,
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    private static async Task InsertChildrenAsync(
        DbConnection connection, DbTransaction transaction, Guid vacancyId, Vacancy vacancy, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO vacancy_skills (vacancy_id, position, skill_id, importance, minimum_level)
            VALUES (@VacancyId, @Position, @SkillId, @Importance, @MinimumLevel)
            """,
            vacancy.Skills.Select((skill, position) => new VacancySkillRow
            {
                VacancyId = vacancyId, Position = position, SkillId = skill.SkillId, Importance = skill.Importance, MinimumLevel = skill.MinimumLevel,
            }),
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO vacancy_must_haves (vacancy_id, position, label, esco_uri)
            VALUES (@VacancyId, @Position, @Label, @EscoUri)
            """,
            vacancy.MustHaves.Select((mustHave, position) => new VacancyMustHaveRow
            {
                VacancyId = vacancyId, Position = position, Label = mustHave.Label, EscoUri = mustHave.EscoUri,
            }),
            transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Adds the skills and must-haves of <paramref name="rows"/>, read with the same filter (<paramref name="where"/> on
    /// <c>vacancies v</c>) in one query per child table rather than one per vacancy; a join keeps the SQL the same in
    /// both dialects, where a list of ids would not be.
    /// </summary>
    private static async Task<List<VacancyRecord>> WithChildrenAsync(
        DbConnection connection, List<VacancyRow> rows, string where, object? parameters, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var skills = (await connection.QueryAsync<VacancySkillRow>(new CommandDefinition(
            $"""
            SELECT s.vacancy_id AS VacancyId, s.position AS Position, s.skill_id AS SkillId, s.importance AS Importance, s.minimum_level AS MinimumLevel
            FROM vacancy_skills s JOIN vacancies v ON v.id = s.vacancy_id
            WHERE {where}
            """,
            parameters, cancellationToken: cancellationToken))).ToLookup(row => row.VacancyId);
        var mustHaves = (await connection.QueryAsync<VacancyMustHaveRow>(new CommandDefinition(
            $"""
            SELECT m.vacancy_id AS VacancyId, m.position AS Position, m.label AS Label, m.esco_uri AS EscoUri
            FROM vacancy_must_haves m JOIN vacancies v ON v.id = m.vacancy_id
            WHERE {where}
            """,
            parameters, cancellationToken: cancellationToken))).ToLookup(row => row.VacancyId);

        return [.. rows.Select(row => ToRecord(row, skills[row.Id], mustHaves[row.Id]))];
    }

    private static VacancyRecord ToRecord(VacancyRow row, IEnumerable<VacancySkillRow> skills, IEnumerable<VacancyMustHaveRow> mustHaves)
    {
        var translations = StoredTranslations.Read(row.Translations);
        return new VacancyRecord(
            row.Id,
            row.OrganisationId,
            row.CreatedByUserId,
            new Vacancy(
                row.Title,
                row.Sector,
                new VacancyLocation(row.Latitude, row.Longitude, row.Place),
                row.HoursPerWeek,
                [.. skills.OrderBy(skill => skill.Position).Select(skill => new VacancySkill(skill.SkillId, skill.Importance, skill.MinimumLevel))],
                [.. mustHaves.OrderBy(mustHave => mustHave.Position).Select(mustHave => new MustHave(mustHave.Label, mustHave.EscoUri)
                {
                    LabelTranslations = translations.MustHave(mustHave.Position),
                })])
            {
                Language = translations.Language,
                TitleTranslations = translations.TitleOrNone,
            },
            Enum.Parse<VacancyStatus>(row.Status),
            row.CreatedAt,
            row.PublishedAt,
            row.ClosedAt);
    }

    /// <summary>The <c>translations</c> column of <paramref name="vacancy"/>; null when it has English texts only.</summary>
    public static string? TranslationsOf(Vacancy vacancy)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        return new StoredTranslations(vacancy.Language, vacancy.TitleTranslations, [.. vacancy.MustHaves.Select(mustHave => mustHave.LabelTranslations)]).Write();
    }
}
