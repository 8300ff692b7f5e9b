using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Application.PersonalData;
using Passport.Application.Notifications;
using Passport.Application.People;
using Passport.Data.Accounts;
using Passport.Data.Notifications;
using Passport.Data.Organisations;
using Passport.Data.Plans;
using Passport.Domain.Accounts;
using Passport.Domain.Consent;
using Passport.Domain.Organisations;
using Passport.Domain.Validation;
using Passport.Grains.Consent;

namespace Passport.Application.Plans;

/// <summary>
/// Contact persons: a coach of a municipality works with a young person only while that person shares their plan
/// with the coach's organisation. A coach assigns themself or a colleague and ends it, and the young person is told
/// (in the app and by e-mail, in the same transaction); when a coach leaves, their people go to a successor with the
/// deactivation (<c>StaffDesk</c>). A young person sees their contact persons as long as the sharing lasts.
/// </summary>
public sealed class ContactPersons(
    IGrainFactory grains, IPersonalData personalData, ContactPersonRepository contactPersons,
    UserStore users, OrganisationRepository organisations, PeopleNotices notices, INotificationPush push, TimeProvider time)
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

        var now = time.GetUtcNow();
        var person = await notices.RecipientAsync(personId, cancellationToken);
        var organisationName = (await organisations.FindAsync(organisationId, cancellationToken))?.Name ?? "";
        PersonNotice Tell(Guid rowId) => notices.Make(
            rowId.ToString(), person, PeopleNotices.ContactPersonAssigned, [user.DisplayName, organisationName], PeopleNotices.MyPeoplePath, now);
        if (!await contactPersons.AssignAsync(personId, userId, organisationId, now, Tell, cancellationToken))
        {
            return Outcome.Fail<MyContactPerson>(OutcomeStatus.Conflict, "ContactPersons.Problem.Already");
        }

        push.Changed(personId);
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
            .FirstOrDefault(row => row.StaffUserId == staffUserId && row.OrganisationId == organisationId);
        if (ours is null)
        {
            return Outcome.Fail<Guid>(OutcomeStatus.NotFound, "ContactPersons.Problem.NotFound");
        }

        var now = time.GetUtcNow();
        var person = await notices.RecipientAsync(personId, cancellationToken);
        PersonNotice Tell(Guid rowId) => notices.Make(
            rowId.ToString(), person, PeopleNotices.ContactPersonEnded, [ours.StaffName, ours.OrganisationName], PeopleNotices.MyPeoplePath, now);
        if (!await contactPersons.EndAsync(personId, staffUserId, now, ContactPersonRepository.EndedByStaff, Tell, cancellationToken))
        {
            return Outcome.Fail<Guid>(OutcomeStatus.NotFound, "ContactPersons.Problem.NotFound");
        }

        push.Changed(personId);
        return Outcome.Done(staffUserId);
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
