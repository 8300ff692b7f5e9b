using Dapper;
using Passport.Data.Database;

namespace Passport.Data.Workshops;

/// <summary>
/// Coaches' live workshops and who joined them. Only the workshop and the participants' agreement are stored;
/// progress lives in the workshop grain's memory and is never written, and answers never reach a workshop at all.
/// </summary>
public sealed class WorkshopRepository(PassportDatabase database)
{
    private const string SelectWorkshop =
        """
        SELECT w.id AS Id, w.organisation_id AS OrganisationId, w.coach_user_id AS CoachUserId, w.join_code AS JoinCode,
               w.title AS Title, w.status AS Status, w.created_at AS CreatedAt, w.closed_at AS ClosedAt,
               u.display_name AS CoachName, o.name AS OrganisationName
        FROM workshops w
        JOIN users u ON u.id = w.coach_user_id
        JOIN organisations o ON o.id = w.organisation_id
        """;

    /// <summary>Stores a new workshop; false when its join code is taken (pick another and try again).</summary>
    public async Task<bool> CreateAsync(WorkshopRow workshop, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO workshops (id, organisation_id, coach_user_id, join_code, title, status, created_at, closed_at)
            VALUES (@Id, @OrganisationId, @CoachUserId, @JoinCode, @Title, @Status, @CreatedAt, @ClosedAt)
            ON CONFLICT (join_code) DO NOTHING
            """,
            workshop, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<WorkshopRow?> GetAsync(Guid workshopId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WorkshopRow>(new CommandDefinition(
            $"{SelectWorkshop} WHERE w.id = @workshopId", new { workshopId }, cancellationToken: cancellationToken));
    }

    /// <summary>The workshop with this (normalised) join code, open or closed; null when no workshop ever had it.</summary>
    public async Task<WorkshopRow?> FindByCodeAsync(string joinCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WorkshopRow>(new CommandDefinition(
            $"{SelectWorkshop} WHERE w.join_code = @joinCode", new { joinCode }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<WorkshopRow>> ListOpenOfCoachAsync(Guid coachUserId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorkshopRow>(new CommandDefinition(
            $"{SelectWorkshop} WHERE w.coach_user_id = @coachUserId AND w.status = 'Open' ORDER BY w.created_at DESC",
            new { coachUserId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task CloseAsync(Guid workshopId, DateTimeOffset closedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE workshops SET status = 'Closed', closed_at = @closedAt WHERE id = @workshopId",
            new { workshopId, closedAt }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<WorkshopParticipantRow>> GetParticipantsAsync(Guid workshopId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorkshopParticipantRow>(new CommandDefinition(
            """
            SELECT workshop_id AS WorkshopId, user_id AS UserId, display_name AS DisplayName, joined_at AS JoinedAt
            FROM workshop_participants WHERE workshop_id = @workshopId ORDER BY joined_at
            """,
            new { workshopId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Every workshop this job seeker joined and still belongs to (for their data export).</summary>
    public async Task<IReadOnlyList<WorkshopParticipantRow>> GetParticipationsOfUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<WorkshopParticipantRow>(new CommandDefinition(
            """
            SELECT workshop_id AS WorkshopId, user_id AS UserId, display_name AS DisplayName, joined_at AS JoinedAt
            FROM workshop_participants WHERE user_id = @userId ORDER BY joined_at
            """,
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Records the participant's agreement; joining again keeps the first record.</summary>
    public async Task AddParticipantAsync(WorkshopParticipantRow participant, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO workshop_participants (workshop_id, user_id, display_name, joined_at)
            VALUES (@WorkshopId, @UserId, @DisplayName, @JoinedAt)
            ON CONFLICT (workshop_id, user_id) DO NOTHING
            """,
            participant, cancellationToken: cancellationToken));
    }

    public async Task RemoveParticipantAsync(Guid workshopId, Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM workshop_participants WHERE workshop_id = @workshopId AND user_id = @userId",
            new { workshopId, userId }, cancellationToken: cancellationToken));
    }

    /// <summary>The open workshop the job seeker joined last, if any.</summary>
    public async Task<Guid?> FindOpenWorkshopOfUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            """
            SELECT p.workshop_id FROM workshop_participants p
            JOIN workshops w ON w.id = p.workshop_id
            WHERE p.user_id = @userId AND w.status = 'Open'
            ORDER BY p.joined_at DESC
            """,
            new { userId }, cancellationToken: cancellationToken));
        return ids.Select(id => (Guid?)id).FirstOrDefault();
    }
}
