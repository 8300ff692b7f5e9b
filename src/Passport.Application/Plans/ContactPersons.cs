using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Application.PersonalData;
using Passport.Data.Accounts;
using Passport.Data.Plans;
using Passport.Domain.Accounts;
using Passport.Domain.Consent;
using Passport.Domain.Organisations;
using Passport.Domain.Validation;
using Passport.Grains.Consent;

namespace Passport.Application.Plans;

/// <summary>
/// Contact persons: a coach of a municipality works with a young person only while that person shares their plan
/// with the coach's organisation. A coach assigns themself or a colleague and ends it; when a coach leaves, their
/// people go to a successor (<see cref="ReassignAsync"/>). A young person sees their contact persons as long as
/// the sharing lasts.
/// </summary>
public sealed class ContactPersons(
    IGrainFactory grains, IPersonalData personalData, ContactPersonRepository contactPersons,
    UserStore users, TimeProvider time)
{
    /// <summary>
    /// Makes <paramref name="staffUserId"/> (the caller when null) a contact person of the person. Only a coach acts
    /// here, for themself or a coach of the same organisation; without the person's plan consent it is not found.
    /// </summary>
    public async Task<Outcome<MyContactPerson>> AssignAsync(
        ClaimsPrincipal coach, Guid personId, Guid? staffUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coach);
        if (!coach.IsInRole(Roles.Coach))
        {
            return Outcome.Fail<MyContactPerson>(OutcomeStatus.Forbidden, "ContactPersons.Problem.CoachesOnly");
        }

        if (!await personalData.HoldsConsentAsync(coach, personId, DataCategory.Plan, cancellationToken))
        {
            return Outcome.Fail<MyContactPerson>(OutcomeStatus.NotFound, "Consent.Problem.PersonNotFound");
        }

        var organisationId = coach.GetOrganisationId()!.Value;
        var userId = staffUserId ?? coach.GetUserId()!.Value;
        var user = await users.FindByIdAsync(userId.ToString(), cancellationToken);
        if (user is null || user.OrganisationId != organisationId || !user.Roles.Contains(Roles.Coach))
        {
            var errors = new ValidationErrors();
            errors.Add("userId", "ContactPersons.NotColleague");
            return Outcome.Invalid<MyContactPerson>(errors);
        }

        if (!await contactPersons.AssignAsync(personId, userId, organisationId, time.GetUtcNow(), cancellationToken))
        {
            return Outcome.Fail<MyContactPerson>(OutcomeStatus.Conflict, "ContactPersons.Problem.Already");
        }

        var assigned = (await ListAsync(personId, cancellationToken)).FirstOrDefault(person => person.UserId == userId);
        return assigned is null ? Outcome.Fail<MyContactPerson>(OutcomeStatus.NotFound, "Consent.Problem.PersonNotFound") : Outcome.Done(assigned);
    }

    /// <summary>Ends a contact person of the caller's organisation for this person; not found when there is none.</summary>
    public async Task<Outcome<Guid>> EndAsync(ClaimsPrincipal coach, Guid personId, Guid staffUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coach);
        if (!coach.IsInRole(Roles.Coach))
        {
            return Outcome.Fail<Guid>(OutcomeStatus.Forbidden, "ContactPersons.Problem.CoachesOnly");
        }

        var organisationId = coach.GetOrganisationId();
        var ours = (await contactPersons.ListOfPersonAsync(personId, cancellationToken))
            .Any(row => row.StaffUserId == staffUserId && row.OrganisationId == organisationId);
        return ours && await contactPersons.EndAsync(personId, staffUserId, time.GetUtcNow(), ContactPersonRepository.EndedByStaff, cancellationToken)
            ? Outcome.Done(staffUserId)
            : Outcome.Fail<Guid>(OutcomeStatus.NotFound, "ContactPersons.Problem.NotFound");
    }

    /// <summary>
    /// Hands every person of a leaving staff member over to a successor of the same organisation (the seam for
    /// deactivating staff): the old assignments end naming the successor. Returns the people handed over; invalid when
    /// the successor is not a coach of the same organisation.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<Guid>>> ReassignAsync(Guid fromUserId, Guid toUserId, CancellationToken cancellationToken = default)
    {
        var from = await users.FindByIdAsync(fromUserId.ToString(), cancellationToken);
        var to = await users.FindByIdAsync(toUserId.ToString(), cancellationToken);
        if (from?.OrganisationId is not { } organisationId || to is null || fromUserId == toUserId
            || to.OrganisationId != organisationId || !to.Roles.Contains(Roles.Coach))
        {
            var errors = new ValidationErrors();
            errors.Add("successorUserId", "ContactPersons.NotColleague");
            return Outcome.Invalid<IReadOnlyList<Guid>>(errors);
        }

        return Outcome.Done(await contactPersons.ReassignAsync(fromUserId, toUserId, organisationId, time.GetUtcNow(), cancellationToken));
    }

    /// <summary>The caller's contact persons now: only those whose organisation the caller still shares their plan with.</summary>
    public Task<IReadOnlyList<MyContactPerson>> ListMineAsync(ClaimsPrincipal person, CancellationToken cancellationToken = default) =>
        ListAsync(person?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in job seeker has contact persons."), cancellationToken);

    /// <summary>A person's contact persons, for staff their plan is shared with; empty for anyone else.</summary>
    public async Task<IReadOnlyList<MyContactPerson>> ListForStaffAsync(ClaimsPrincipal staff, Guid personId, CancellationToken cancellationToken = default) =>
        await personalData.HoldsConsentAsync(staff, personId, DataCategory.Plan, cancellationToken) ? await ListAsync(personId, cancellationToken) : [];

    /// <summary>The staff member's people: whom they are contact person of now.</summary>
    public Task<IReadOnlySet<Guid>> PeopleOfAsync(ClaimsPrincipal staff, CancellationToken cancellationToken = default) =>
        contactPersons.PeopleOfStaffAsync(staff?.GetUserId() ?? throw new InvalidOperationException("Only signed-in staff have people."), cancellationToken);

    private async Task<IReadOnlyList<MyContactPerson>> ListAsync(Guid personId, CancellationToken cancellationToken)
    {
        var consent = grains.GetGrain<IConsentGrain>(personId);
        var result = new List<MyContactPerson>();
        foreach (var row in await contactPersons.ListOfPersonAsync(personId, cancellationToken))
        {
            var kind = Enum.Parse<OrganisationKind>(row.OrganisationKind);
            var grant = await consent.GetActiveGrantAsync(new ReaderOrganisation(row.OrganisationId, kind, row.OrganisationSector));
            // A contact person works with someone only while that person shares their plan with the organisation.
            if (!grant.Categories.Contains(DataCategory.Plan))
            {
                continue;
            }

            result.Add(new MyContactPerson(
                row.StaffUserId, row.StaffName, kind.StaffRole(), row.OrganisationId, row.OrganisationName, row.Since, row.StaffEmail,
                row.OrganisationPlace, row.OrganisationWebsite, [.. grant.Categories.Order()]));
        }

        return result;
    }
}
