using Passport.Data.Accounts;
using Passport.Data.Database;
using Passport.Data.Endorsements;
using Passport.Data.Organisations;
using Passport.Domain.Accounts;
using Passport.Domain.Endorsements;
using Passport.Domain.Skills;
using Passport.Domain.Validation;

namespace Passport.Application.Passports;

/// <summary>
/// Endorsements: staff of an organisation propose them, the endorsed person accepts, declines or later withdraws
/// them. Consent is not checked here: the caller (the staff endpoint behind the consent gate) must have done so.
/// </summary>
public sealed class EndorsementService(
    EndorsementRepository endorsements,
    UserStore users,
    OrganisationRepository organisations,
    SkillCatalog skills,
    TimeProvider time)
{
    // The problems the outcomes name (texts {Problem}.Title and .Detail).
    private const string PersonNotFound = "Consent.Problem.PersonNotFound";
    private const string NotFound = "Problem.EndorsementNotFound";
    private const string NotAllowed = "Problem.EndorsementNotAllowed";

    /// <summary>
    /// Stores a pending endorsement of <paramref name="personId"/>'s skill by a staff member of
    /// <paramref name="endorserOrganisationId"/>, with the endorser's name and organisation name as they are now; done
    /// with its id, which the person then accepts or declines. Nothing is stored for broken rules, nor when no job
    /// seeker has this id (not found).
    /// </summary>
    public async Task<Outcome<Guid>> ProposeAsync(
        Guid endorserUserId, Guid endorserOrganisationId, Guid personId, string skillId, string evidence, CancellationToken cancellationToken = default)
    {
        var proposal = new EndorsementProposal(skillId, evidence);
        var errors = proposal.Validate(skills);
        var endorser = await users.FindByIdAsync(endorserUserId.ToString(), cancellationToken);
        var organisation = await organisations.FindAsync(endorserOrganisationId, cancellationToken);
        if (endorser is null || organisation is null || endorser.OrganisationId != endorserOrganisationId
            || !endorser.Roles.Any(role => Roles.Staff.Contains(role, StringComparer.Ordinal)))
        {
            errors.Add("endorser", "Endorsement.Endorser.NotStaff");
        }

        var person = await users.FindByIdAsync(personId.ToString(), cancellationToken);
        if (person is null || !person.Roles.Contains(Roles.JobSeeker, StringComparer.Ordinal))
        {
            return Outcome.Fail<Guid>(OutcomeStatus.NotFound, PersonNotFound);
        }

        if (!errors.IsValid)
        {
            return Outcome.Invalid<Guid>(errors);
        }

        var now = time.GetUtcNow();
        var row = new EndorsementRow
        {
            Id = Guid.CreateVersion7(now),
            UserId = personId,
            EndorserUserId = endorserUserId,
            EndorserOrganisationId = endorserOrganisationId,
            EndorserName = endorser!.DisplayName,
            OrganisationName = organisation!.Name,
            SkillId = proposal.SkillId!,
            Evidence = proposal.CleanEvidence,
            Status = nameof(EndorsementStatus.Pending),
            CreatedAt = now,
        };
        await endorsements.CreateAsync(row, cancellationToken);
        return Outcome.Done(row.Id);
    }

    /// <summary>Every endorsement of the person, whatever its status; for the owner only.</summary>
    public Task<IReadOnlyList<EndorsementRow>> ListAsync(Guid ownerId, PageRequest? page = null, CancellationToken cancellationToken = default) =>
        endorsements.ListAsync(ownerId, page, cancellationToken);

    /// <summary>Shows a pending endorsement in the passport; done with its id. Someone else's is not found; a move the lifecycle forbids is a conflict.</summary>
    public Task<Outcome<Guid>> AcceptAsync(Guid ownerId, Guid endorsementId, CancellationToken cancellationToken = default) =>
        ChangeAsync(ownerId, endorsementId, lifecycle => lifecycle.CanAccept, lifecycle => lifecycle.Accept(), cancellationToken);

    public Task<Outcome<Guid>> DeclineAsync(Guid ownerId, Guid endorsementId, CancellationToken cancellationToken = default) =>
        ChangeAsync(ownerId, endorsementId, lifecycle => lifecycle.CanDecline, lifecycle => lifecycle.Decline(), cancellationToken);

    public Task<Outcome<Guid>> WithdrawAsync(Guid ownerId, Guid endorsementId, CancellationToken cancellationToken = default) =>
        ChangeAsync(ownerId, endorsementId, lifecycle => lifecycle.CanWithdraw, lifecycle => lifecycle.Withdraw(), cancellationToken);

    private async Task<Outcome<Guid>> ChangeAsync(
        Guid ownerId, Guid endorsementId, Func<EndorsementLifecycle, bool> can, Action<EndorsementLifecycle> move, CancellationToken cancellationToken)
    {
        if (await endorsements.GetAsync(ownerId, endorsementId, cancellationToken) is not { } row)
        {
            return Outcome.Fail<Guid>(OutcomeStatus.NotFound, NotFound);
        }

        var from = Enum.Parse<EndorsementStatus>(row.Status);
        var status = from;
        var lifecycle = new EndorsementLifecycle(() => status, value => status = value);
        if (!can(lifecycle))
        {
            return Outcome.Fail<Guid>(OutcomeStatus.Conflict, NotAllowed);
        }

        move(lifecycle);
        // Stored only if nobody moved it meanwhile (another tab, another device); the loser is told it is not allowed any more.
        return await endorsements.ChangeStatusAsync(ownerId, endorsementId, from, status, time.GetUtcNow(), cancellationToken)
            ? Outcome.Done(endorsementId)
            : Outcome.Fail<Guid>(OutcomeStatus.Conflict, NotAllowed);
    }
}
