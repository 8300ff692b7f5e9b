using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Passport.Application.Accounts;
using Passport.Application.Email;
using Passport.Application.Notifications;
using Passport.Application.People;
using Passport.Data.Accounts;
using Passport.Data.Notifications;
using Passport.Data.Organisations;
using Passport.Data.Plans;
using Passport.Data.Staff;
using Passport.Domain.Accounts;
using Passport.Domain.Organisations;
using Passport.Domain.Sharing;
using Passport.Domain.Staff;
using Passport.Domain.Validation;

namespace Passport.Application.Staff;

/// <summary>
/// The staff of organisations, for the API and the pages alike: an administrator invites an organisation's first
/// staff member, staff with the organisation-admin right invite colleagues, see the staff list and deactivate leavers,
/// and the invited person accepts with a password and a display name. Invitation links carry a 256-bit secret of
/// which only the hash is stored; the secret leaves only in the e-mail, queued with the invitation.
/// </summary>
public sealed class StaffDesk(
    StaffRepository staff,
    OrganisationRepository organisations,
    UserManager<PassportUser> users,
    IPasswordHasher<PassportUser> hasher,
    IAccountSessions sessions,
    EmailComposer composer,
    PeopleNotices notices,
    INotificationPush push,
    IOptions<StaffOptions> options,
    TimeProvider time)
{
    public const string InvitationKind = "invitation";

    /// <summary>The page an invitation e-mail links to, with the token in the query.</summary>
    public const string AcceptPath = "/invitations/accept";

    private const string NotOrganisationAdmin = "Problem.NotOrganisationAdmin";

    /// <summary>An administrator invites someone to <paramref name="organisationId"/> (usually its first staff member).</summary>
    public async Task<Outcome<SentInvitation>> InviteAsAdminAsync(
        ClaimsPrincipal admin, Guid organisationId, InvitationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        if (await organisations.FindAsync(organisationId, cancellationToken) is not { } organisation)
        {
            return Outcome.Fail<SentInvitation>(OutcomeStatus.NotFound, "Problem.OrganisationNotFound");
        }

        return await InviteAsync(admin, organisation, request, cancellationToken);
    }

    /// <summary>Staff with the organisation-admin right invite a colleague to their own organisation; other staff get 403.</summary>
    public async Task<Outcome<SentInvitation>> InviteColleagueAsync(ClaimsPrincipal inviter, InvitationRequest request, CancellationToken cancellationToken = default)
    {
        if (await OwnOrganisationAsAdminAsync(inviter, cancellationToken) is not { } organisation)
        {
            return Outcome.Fail<SentInvitation>(OutcomeStatus.Forbidden, NotOrganisationAdmin);
        }

        return await InviteAsync(inviter, organisation, request, cancellationToken);
    }

    /// <summary>The organisation's staff (active first) and its invitations still waiting, for its organisation admins.</summary>
    public async Task<Outcome<StaffOverview>> OverviewAsync(ClaimsPrincipal reader, CancellationToken cancellationToken = default)
    {
        if (await OwnOrganisationAsAdminAsync(reader, cancellationToken) is not { } organisation)
        {
            return Outcome.Fail<StaffOverview>(OutcomeStatus.Forbidden, NotOrganisationAdmin);
        }

        return Outcome.Done(new StaffOverview(
            organisation,
            await staff.ListStaffAsync(organisation.Id, cancellationToken),
            await staff.ListPendingInvitationsAsync(organisation.Id, time.GetUtcNow(), cancellationToken)));
    }

    /// <summary>
    /// Deactivates a staff member of the caller's organisation, naming the active colleague who takes over their people.
    /// Their sessions and tokens end at once; each of their people gets the successor as contact person and is told so. Nobody deactivates themselves, nor the organisation's last admin (409).
    /// </summary>
    public async Task<Outcome<Guid>> DeactivateAsync(ClaimsPrincipal caller, Guid userId, Guid? successorUserId, CancellationToken cancellationToken = default)
    {
        if (await OwnOrganisationAsAdminAsync(caller, cancellationToken) is not { } organisation)
        {
            return Outcome.Fail<Guid>(OutcomeStatus.Forbidden, NotOrganisationAdmin);
        }

        var callerId = caller.GetUserId()!.Value;
        if (userId == callerId)
        {
            return Outcome.Fail<Guid>(OutcomeStatus.Conflict, "Problem.DeactivateSelf");
        }

        if (successorUserId is not { } successor)
        {
            return Outcome.Invalid<Guid>(Error("successorUserId", "SuccessorUserId.Required"));
        }

        // The names go into the notices of the people handed over, written in the deactivation's own transaction.
        var leaverName = (await users.FindByIdAsync(userId.ToString()))?.DisplayName ?? "";
        var successorName = (await users.FindByIdAsync(successor.ToString()))?.DisplayName ?? "";
        var now = time.GetUtcNow();
        var told = new List<Guid>();
        PersonNotice Tell(HandedOver person)
        {
            told.Add(person.PersonId);
            return notices.Make(
                person.RowId.ToString(), new NoticeRecipient(person.PersonId, person.Email, person.Language), PeopleNotices.ContactPersonReplaced,
                [leaverName, successorName, organisation.Name], PeopleNotices.MyPeoplePath, now);
        }

        switch (await staff.DeactivateAsync(organisation.Id, userId, successor, callerId, now, Tell, cancellationToken))
        {
            case Deactivation.NotFound:
                return Outcome.Fail<Guid>(OutcomeStatus.NotFound, "Problem.StaffMemberNotFound");
            case Deactivation.InvalidSuccessor:
                return Outcome.Invalid<Guid>(Error("successorUserId", "SuccessorUserId.Invalid"));
            case Deactivation.LastAdmin:
                return Outcome.Fail<Guid>(OutcomeStatus.Conflict, "Problem.LastOrganisationAdmin");
            default:
                sessions.Forget(userId);
                foreach (var personId in told)
                {
                    push.Changed(personId);
                }

                return Outcome.Done(successor);
        }
    }

    /// <summary>
    /// Makes the invited person's account, with the organisation's staff role, and uses up the invitation. An unknown,
    /// used, revoked or expired link is 404 and nothing is stored; an address that already has an account is 409 and
    /// the invitation stays open (staff accounts belong to their organisation, so an existing account is not taken over).
    /// </summary>
    public async Task<Outcome<AcceptedInvitation>> AcceptAsync(InvitationAcceptance acceptance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        var errors = acceptance.Validate();
        if (!errors.IsValid)
        {
            return Outcome.Invalid<AcceptedInvitation>(errors);
        }

        var now = time.GetUtcNow();
        if (!ShareLinkToken.TryHash(acceptance.Token, out var hash)
            || await staff.FindInvitationByTokenHashAsync(hash, cancellationToken) is not { } row
            || await organisations.FindAsync(row.OrganisationId, cancellationToken) is not { } organisation)
        {
            return InvitationInvalid();
        }

        var invitation = new StaffInvitation(Enum.Parse<InvitationStatus>(row.Status), row.ExpiresAt);
        if (!invitation.Accept(now))
        {
            if (invitation.Status == InvitationStatus.Expired)
            {
                await staff.ExpireInvitationAsync(row.Id, cancellationToken);
            }

            return InvitationInvalid();
        }

        var user = new PassportUser
        {
            Email = row.Email,
            NormalizedEmail = users.NormalizeEmail(row.Email),
            // The link reached this address, which confirms it.
            EmailConfirmed = true,
            DisplayName = acceptance.DisplayName!.Trim(),
            Language = row.Language,
            OrganisationId = organisation.Id,
            OrganisationAdmin = row.OrganisationAdmin,
            CreatedAt = now,
        };
        user.Roles.Add(organisation.Kind.StaffRole());
        var passwordErrors = await PasswordErrorsAsync(users, user, acceptance.Password!);
        if (!passwordErrors.IsValid)
        {
            return Outcome.Invalid<AcceptedInvitation>(passwordErrors);
        }

        user.PasswordHash = hasher.HashPassword(user, acceptance.Password!);
        return await staff.AcceptInvitationAsync(row.Id, user, now, cancellationToken) switch
        {
            AcceptOutcome.Accepted => Outcome.Done(new AcceptedInvitation(user.Id, user.Email, organisation.Id, user.Roles[0])),
            AcceptOutcome.EmailTaken => Outcome.Fail<AcceptedInvitation>(OutcomeStatus.Conflict, "Problem.InvitationEmailTaken"),
            _ => InvitationInvalid(),
        };
    }

    /// <summary>The broken password rules (Identity's validators, common passwords included), as field <c>password</c>.</summary>
    internal static async Task<ValidationErrors> PasswordErrorsAsync(UserManager<PassportUser> users, PassportUser user, string password)
    {
        var errors = new ValidationErrors();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            foreach (var error in result.Errors)
            {
                errors.Add("password", $"Identity.{error.Code}", error.Code switch
                {
                    nameof(IdentityErrorDescriber.PasswordTooShort) => users.Options.Password.RequiredLength,
                    nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => users.Options.Password.RequiredUniqueChars,
                    _ => "",
                });
            }
        }

        return errors;
    }

    private async Task<Outcome<SentInvitation>> InviteAsync(
        ClaimsPrincipal inviter, Organisation organisation, InvitationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Validate();
        if (!errors.IsValid)
        {
            return Outcome.Invalid<SentInvitation>(errors);
        }

        var now = time.GetUtcNow();
        var lifetime = options.Value.InvitationLifetime;
        var (token, hash) = ShareLinkToken.Create();
        var email = request.Email!.Trim();
        // The invited person has no account yet, so the invitation speaks the inviter's language; so will the new account.
        var language = Languages.IsSupported(inviter.FindFirstValue(PassportClaims.Language)) ? inviter.FindFirstValue(PassportClaims.Language)! : Languages.Default;
        var row = new InvitationRow
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = organisation.Id,
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email),
            OrganisationAdmin = request.OrganisationAdmin,
            Language = language,
            TokenHash = hash,
            CreatedBy = inviter.GetUserId(),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            Status = nameof(InvitationStatus.Pending),
        };
        var message = composer.Compose(
            row.Id, email, language, InvitationKind,
            [organisation.Name, inviter.FindFirstValue(PassportClaims.Name), ((int)Math.Ceiling(lifetime.TotalDays)).ToString(CultureInfo.InvariantCulture)],
            $"{AcceptPath}?token={token}", now);
        await staff.CreateInvitationAsync(row, message, cancellationToken);
        return Outcome.Done(new SentInvitation(row.Id, organisation.Id, row.Email, row.OrganisationAdmin, row.ExpiresAt));
    }

    private async Task<Organisation?> OwnOrganisationAsAdminAsync(ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        // The right is read from the database on every call, so taking it away or deactivating works at once.
        return caller.GetUserId() is { } userId && caller.GetOrganisationId() is { } organisationId
            && await staff.IsOrganisationAdminAsync(userId, organisationId, cancellationToken)
            ? await organisations.FindAsync(organisationId, cancellationToken)
            : null;
    }

    private static Outcome<AcceptedInvitation> InvitationInvalid() => Outcome.Fail<AcceptedInvitation>(OutcomeStatus.NotFound, "Problem.InvitationInvalid");

    private static ValidationErrors Error(string field, string code)
    {
        var errors = new ValidationErrors();
        errors.Add(field, code);
        return errors;
    }
}

/// <summary>An invitation sent; the link itself went only to the invited address.</summary>
public sealed record SentInvitation(Guid Id, Guid OrganisationId, string Email, bool OrganisationAdmin, DateTimeOffset ExpiresAt);

/// <summary>The account an accepted invitation made; sign in with its e-mail and the chosen password.</summary>
public sealed record AcceptedInvitation(Guid UserId, string Email, Guid OrganisationId, string Role);

/// <summary>An organisation's staff and its invitations still waiting.</summary>
public sealed record StaffOverview(Organisation Organisation, IReadOnlyList<StaffMemberRow> Staff, IReadOnlyList<InvitationRow> PendingInvitations);
