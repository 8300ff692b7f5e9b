using Dapper;
using Passport.Data.Accounts;
using Passport.Data.Database;
using Passport.Data.Email;
using Passport.Data.Notifications;
using Passport.Data.Plans;
using Passport.Domain.Staff;

namespace Passport.Data.Staff;

/// <summary>
/// Staff of organisations: invitations (looked up by the hash of their token only), the organisation-admin right and
/// deactivation. An invitation is stored with its e-mail in one transaction; accepting one writes the account and
/// marks the invitation accepted in one transaction, conditional on it still being pending and not expired, so a link
/// makes one account at most.
/// </summary>
public sealed class StaffRepository(PassportDatabase database)
{
    private const string SelectInvitation =
        """
        SELECT id AS Id, organisation_id AS OrganisationId, email AS Email, normalized_email AS NormalizedEmail,
               organisation_admin AS OrganisationAdmin, language AS Language, token_hash AS TokenHash, created_by AS CreatedBy,
               created_at AS CreatedAt, expires_at AS ExpiresAt, status AS Status, accepted_user_id AS AcceptedUserId,
               accepted_at AS AcceptedAt
        FROM staff_invitations
        """;

    private const string SelectStaff =
        """
        SELECT id AS Id, email AS Email, display_name AS DisplayName, organisation_admin AS OrganisationAdmin,
               created_at AS CreatedAt, deactivated_at AS DeactivatedAt, successor_user_id AS SuccessorUserId
        FROM users
        """;

    /// <summary>Stores a new invitation and queues its e-mail, together.</summary>
    public async Task CreateInvitationAsync(InvitationRow invitation, OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(email);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO staff_invitations (id, organisation_id, email, normalized_email, organisation_admin, language, token_hash,
                                           created_by, created_at, expires_at, status)
            VALUES (@Id, @OrganisationId, @Email, @NormalizedEmail, @OrganisationAdmin, @Language, @TokenHash,
                    @CreatedBy, @CreatedAt, @ExpiresAt, @Status)
            """,
            invitation, transaction, cancellationToken: cancellationToken));
        await Outbox.EnqueueAsync(connection, transaction, email, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<InvitationRow?> FindInvitationByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<InvitationRow>(new CommandDefinition(
            $"{SelectInvitation} WHERE token_hash = @tokenHash", new { tokenHash }, cancellationToken: cancellationToken));
    }

    /// <summary>The organisation's invitations that still wait for an answer, newest first.</summary>
    public async Task<IReadOnlyList<InvitationRow>> ListPendingInvitationsAsync(Guid organisationId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<InvitationRow>(new CommandDefinition(
            $"{SelectInvitation} WHERE organisation_id = @organisationId AND status = @pending AND expires_at > @now ORDER BY created_at DESC, id DESC",
            new { organisationId, now, pending = nameof(InvitationStatus.Pending) }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Marks a pending invitation expired (found past its end); false when it was not pending any more.</summary>
    public async Task<bool> ExpireInvitationAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_invitations SET status = @expired WHERE id = @id AND status = @pending",
            new { id, expired = nameof(InvitationStatus.Expired), pending = nameof(InvitationStatus.Pending) },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Creates <paramref name="user"/> and marks the invitation accepted by it, in one transaction; nothing is written
    /// unless the invitation is still pending and unexpired at <paramref name="now"/> and the address is free.
    /// </summary>
    public async Task<AcceptOutcome> AcceptInvitationAsync(Guid invitationId, PassportUser user, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The invitation first: it takes the write lock, so a second use of the same link waits and then finds it accepted.
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE staff_invitations SET status = @accepted, accepted_at = @now
            WHERE id = @invitationId AND status = @pending AND expires_at > @now
            """,
            new { invitationId, now, accepted = nameof(InvitationStatus.Accepted), pending = nameof(InvitationStatus.Pending) },
            transaction, cancellationToken: cancellationToken));
        if (claimed == 0)
        {
            return AcceptOutcome.Gone;
        }

        if (!await UserStore.InsertAsync(connection, transaction, user, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return AcceptOutcome.EmailTaken;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_invitations SET accepted_user_id = @userId WHERE id = @invitationId",
            new { invitationId, userId = user.Id }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return AcceptOutcome.Accepted;
    }

    /// <summary>Everyone who works or worked for the organisation: active staff first, then by name.</summary>
    public async Task<IReadOnlyList<StaffMemberRow>> ListStaffAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaffMemberRow>(new CommandDefinition(
            $"{SelectStaff} WHERE organisation_id = @organisationId ORDER BY CASE WHEN deactivated_at IS NULL THEN 0 ELSE 1 END, display_name, id",
            new { organisationId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Whether the account is an active staff member of the organisation with the organisation-admin right.</summary>
    public async Task<bool> IsOrganisationAdminAsync(Guid userId, Guid organisationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM users
            WHERE id = @userId AND organisation_id = @organisationId AND organisation_admin = @yes AND deactivated_at IS NULL
            """,
            new { userId, organisationId, yes = true }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Gives an account the organisation-admin right (the demo seed, for accounts made before the right existed).</summary>
    public async Task GrantOrganisationAdminAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET organisation_admin = @yes, concurrency_stamp = @stamp WHERE id = @userId AND organisation_id IS NOT NULL",
            new { userId, yes = true, stamp = Guid.NewGuid().ToString("N") }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Deactivates an active staff member of the organisation and records who takes over their people. Their account is
    /// closed for signing in, and a new security stamp ends every session and token it had. Refused, with nothing
    /// written, for a successor who is not another active staff member of the organisation, and when the organisation
    /// would be left without an active organisation admin. In the same transaction the leaver's people go to the
    /// successor, and each of them gets the notice <paramref name="tell"/> makes (who takes over), so nobody is moved
    /// without being told, nor told without being moved.
    /// </summary>
    public async Task<Deactivation> DeactivateAsync(
        Guid organisationId, Guid userId, Guid successorUserId, Guid deactivatedBy, DateTimeOffset now,
        Func<HandedOver, PersonNotice>? tell = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Touching the organisation's row first serialises deactivations of one organisation on both databases, so two
        // admins deactivating each other at once cannot leave it without one.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE organisations SET updated_at = updated_at WHERE id = @organisationId",
            new { organisationId }, transaction, cancellationToken: cancellationToken));
        var staff = (await connection.QueryAsync<StaffMemberRow>(new CommandDefinition(
            $"{SelectStaff} WHERE organisation_id = @organisationId AND deactivated_at IS NULL",
            new { organisationId }, transaction, cancellationToken: cancellationToken))).ToList();
        if (staff.Find(member => member.Id == userId) is not { } leaver)
        {
            return Deactivation.NotFound;
        }

        if (successorUserId == userId || !staff.Exists(member => member.Id == successorUserId))
        {
            return Deactivation.InvalidSuccessor;
        }

        if (leaver.OrganisationAdmin && !staff.Exists(member => member.OrganisationAdmin && member.Id != userId))
        {
            return Deactivation.LastAdmin;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE users
            SET deactivated_at = @now, deactivated_by = @deactivatedBy, successor_user_id = @successorUserId,
                lockout_end = @closed, security_stamp = @securityStamp, concurrency_stamp = @concurrencyStamp
            WHERE id = @userId
            """,
            new
            {
                userId, now, deactivatedBy, successorUserId, closed = DateTimeOffset.MaxValue,
                securityStamp = Guid.NewGuid().ToString("N"), concurrencyStamp = Guid.NewGuid().ToString("N"),
            },
            transaction, cancellationToken: cancellationToken));
        var handedOver = await ContactPersonRepository.HandOverAsync(connection, transaction, userId, successorUserId, organisationId, now, cancellationToken);
        if (tell is not null)
        {
            await PersonNotices.WriteAsync(connection, transaction, handedOver.Select(tell), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Deactivation.Done;
    }
}
