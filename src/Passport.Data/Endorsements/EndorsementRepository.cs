using Dapper;
using Passport.Data.Database;
using Passport.Domain.Endorsements;

namespace Passport.Data.Endorsements;

/// <summary>
/// Endorsements of a person's skills; rows are the endorsed person's (<c>user_id</c>). Which moves are allowed is
/// the domain's <see cref="EndorsementLifecycle"/>; this only stores a move if the row is still where the caller
/// saw it, so two decisions at once cannot both win.
/// </summary>
public sealed class EndorsementRepository(PassportDatabase database)
{
    private const string Select =
        """
        SELECT id AS Id, user_id AS UserId, endorser_user_id AS EndorserUserId, endorser_organisation_id AS EndorserOrganisationId,
               endorser_name AS EndorserName, organisation_name AS OrganisationName, skill_id AS SkillId, evidence AS Evidence,
               status AS Status, created_at AS CreatedAt, decided_at AS DecidedAt, withdrawn_at AS WithdrawnAt
        FROM endorsements
        """;

    public async Task CreateAsync(EndorsementRow endorsement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endorsement);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO endorsements (id, user_id, endorser_user_id, endorser_organisation_id, endorser_name, organisation_name,
                                      skill_id, evidence, status, created_at, decided_at, withdrawn_at)
            VALUES (@Id, @UserId, @EndorserUserId, @EndorserOrganisationId, @EndorserName, @OrganisationName,
                    @SkillId, @Evidence, @Status, @CreatedAt, @DecidedAt, @WithdrawnAt)
            """,
            endorsement, cancellationToken: cancellationToken));
    }

    /// <summary>The endorsement if it is of <paramref name="userId"/>; null otherwise.</summary>
    public async Task<EndorsementRow?> GetAsync(Guid userId, Guid endorsementId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<EndorsementRow>(new CommandDefinition(
            $"{Select} WHERE id = @endorsementId AND user_id = @userId",
            new { userId, endorsementId }, cancellationToken: cancellationToken));
    }

    /// <summary>Every endorsement of the person, whatever its status, newest first: for the owner only.</summary>
    public Task<IReadOnlyList<EndorsementRow>> ListAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ListAsync(userId, null, cancellationToken);

    /// <summary>One page of the same list, in the same order.</summary>
    public async Task<IReadOnlyList<EndorsementRow>> ListAsync(Guid userId, PageRequest? page, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EndorsementRow>(new CommandDefinition(
            $"{Select} WHERE user_id = @userId ORDER BY created_at DESC, id DESC {page?.Sql}",
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>The endorsements the person accepted and still shows, newest first: what others with consent may see.</summary>
    public async Task<IReadOnlyList<EndorsementRow>> ListAcceptedAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<EndorsementRow>(new CommandDefinition(
            $"{Select} WHERE user_id = @userId AND status = 'Accepted' ORDER BY created_at DESC, id DESC",
            new { userId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>
    /// Moves the endorsement from <paramref name="from"/> to <paramref name="to"/> at <paramref name="at"/> (the
    /// decision time for accept and decline, the withdrawal time for withdraw); false when it is no longer in
    /// <paramref name="from"/> or is not the person's.
    /// </summary>
    public async Task<bool> ChangeStatusAsync(
        Guid userId, Guid endorsementId, EndorsementStatus from, EndorsementStatus to, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var column = to == EndorsementStatus.Withdrawn ? "withdrawn_at" : "decided_at";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE endorsements SET status = @to, {column} = @at WHERE id = @endorsementId AND user_id = @userId AND status = @from",
            new { userId, endorsementId, from = from.ToString(), to = to.ToString(), at }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>
    /// An endorser's account is erased: their name leaves the endorsements they wrote. The organisation's name and
    /// the endorsement stay, because they belong to the endorsed person's passport.
    /// </summary>
    public async Task ForgetEndorserAsync(Guid endorserUserId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE endorsements SET endorser_name = '', endorser_user_id = NULL WHERE endorser_user_id = @endorserUserId",
            new { endorserUserId }, cancellationToken: cancellationToken));
    }
}
