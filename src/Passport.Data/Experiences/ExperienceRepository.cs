using System.Text.Json;
using Dapper;
using Passport.Data.Database;
using Passport.Domain.Experiences;

namespace Passport.Data.Experiences;

/// <summary>
/// The experiences a person lists in their passport; rows are theirs (<c>user_id</c>). Every query that takes an
/// experience id also takes the owner's id, so nobody reaches another person's experience by guessing ids.
/// </summary>
public sealed class ExperienceRepository(PassportDatabase database, TimeProvider time)
{
    private const string Select =
        """
        SELECT id AS Id, user_id AS UserId, kind AS Kind, title AS Title, organisation AS Organisation, place AS Place,
               started_on AS StartedOn, ended_on AS EndedOn, description AS Description, esco_uris AS EscoUris,
               created_at AS CreatedAt, updated_at AS UpdatedAt
        FROM experiences
        """;

    /// <summary>The person's experiences, the most recent start first.</summary>
    public Task<IReadOnlyList<ExperienceRecord>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ListAsync(userId, null, cancellationToken);

    /// <summary>One page of the same list, in the same order.</summary>
    public async Task<IReadOnlyList<ExperienceRecord>> ListAsync(Guid userId, PageRequest? page, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Select} WHERE user_id = @userId ORDER BY started_on DESC, created_at DESC, id DESC {page?.Sql}",
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows.Select(row => row.ToRecord())];
    }

    /// <summary>The experience if it belongs to <paramref name="userId"/>; null otherwise.</summary>
    public async Task<ExperienceRecord?> GetAsync(Guid userId, Guid experienceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"{Select} WHERE id = @experienceId AND user_id = @userId",
            new { userId, experienceId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    public async Task<ExperienceRecord> CreateAsync(Guid userId, Experience experience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experience);
        var now = time.GetUtcNow();
        var record = new ExperienceRecord(Guid.CreateVersion7(now), userId, experience, now, now);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO experiences (id, user_id, kind, title, organisation, place, started_on, ended_on, description, esco_uris, created_at, updated_at)
            VALUES (@Id, @UserId, @Kind, @Title, @Organisation, @Place, @StartedOn, @EndedOn, @Description, @EscoUris, @CreatedAt, @UpdatedAt)
            """,
            Row.From(record), cancellationToken: cancellationToken));
        return record;
    }

    /// <summary>Replaces the experience; null when it does not exist or belongs to someone else (nothing is changed).</summary>
    public async Task<ExperienceRecord?> UpdateAsync(Guid userId, Guid experienceId, Experience experience, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(experience);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var row = Row.From(new ExperienceRecord(experienceId, userId, experience, default, time.GetUtcNow()));
        var updated = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            UPDATE experiences
            SET kind = @Kind, title = @Title, organisation = @Organisation, place = @Place, started_on = @StartedOn,
                ended_on = @EndedOn, description = @Description, esco_uris = @EscoUris, updated_at = @UpdatedAt
            WHERE id = @Id AND user_id = @UserId
            RETURNING id AS Id, user_id AS UserId, kind AS Kind, title AS Title, organisation AS Organisation, place AS Place,
                      started_on AS StartedOn, ended_on AS EndedOn, description AS Description, esco_uris AS EscoUris,
                      created_at AS CreatedAt, updated_at AS UpdatedAt
            """,
            row, cancellationToken: cancellationToken));
        return updated?.ToRecord();
    }

    /// <summary>Deletes the experience; false when it does not exist or belongs to someone else.</summary>
    public async Task<bool> DeleteAsync(Guid userId, Guid experienceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM experiences WHERE id = @experienceId AND user_id = @userId",
            new { userId, experienceId }, cancellationToken: cancellationToken));
        return deleted == 1;
    }

    // Dapper fills settable properties with conversion (SQLite hands back text and Int64); the record is built from them.
    private sealed class Row
    {
        public Guid Id { get; set; }

        public Guid UserId { get; set; }

        public string Kind { get; set; } = "";

        public string Title { get; set; } = "";

        public string? Organisation { get; set; }

        public string? Place { get; set; }

        public DateOnly StartedOn { get; set; }

        public DateOnly? EndedOn { get; set; }

        public string? Description { get; set; }

        public string EscoUris { get; set; } = "[]";

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public static Row From(ExperienceRecord record)
        {
            var experience = record.Experience;
            return new Row
            {
                Id = record.Id,
                UserId = record.UserId,
                Kind = experience.Kind.ToString(),
                Title = experience.Title,
                Organisation = experience.Organisation,
                Place = experience.Place,
                StartedOn = experience.StartedOn,
                EndedOn = experience.EndedOn,
                Description = experience.Description,
                EscoUris = JsonSerializer.Serialize(experience.EscoUris),
                CreatedAt = record.CreatedAt,
                UpdatedAt = record.UpdatedAt,
            };
        }

        public ExperienceRecord ToRecord() => new(
            Id,
            UserId,
            new Experience(
                Enum.Parse<ExperienceKind>(Kind), Title, Organisation, Place, StartedOn, EndedOn, Description,
                JsonSerializer.Deserialize<List<string>>(EscoUris) ?? []),
            CreatedAt,
            UpdatedAt);
    }
}
