using System.Security.Claims;
using Microsoft.Extensions.Options;
using Passport.Application.Accounts;
using Passport.Application.Consent;
using Passport.Application.Handovers;
using Passport.Application.PersonalData;
using Passport.Data.Journeys;
using Passport.Data.Organisations;
using Passport.Domain.Consent;
using Passport.Domain.InView;
using Passport.Domain.Organisations;

namespace Passport.Application.Journeys;

/// <summary>
/// A municipality's worklist of the young people who share their plan with it and are drifting out of view. The list
/// holds only names and reasons (the municipality's own work, like its caseload); opening one person is a read of
/// their plan data, through the consent door and logged.
/// </summary>
public sealed class InViewDesk(
    ConsentService consents, InViewRepository inView, IPersonalData personalData, OrganisationRepository organisations, TimeProvider time,
    IOptions<InViewOptions> options, IOptions<HandoverOptions> handovers)
{
    public async Task<Outcome<IReadOnlyList<InViewEntry>>> ListAsync(ClaimsPrincipal coach, CancellationToken cancellationToken = default)
    {
        if (await MunicipalityOf(coach, cancellationToken) is not { } organisationId)
        {
            return NotMunicipality<IReadOnlyList<InViewEntry>>();
        }

        var sharing = (await consents.ListSharedWithAsync(organisationId, null, cancellationToken))
            .Where(person => person.Categories.Contains(DataCategory.Plan))
            .Select(person => person.PersonId)
            .ToList();
        var since = await inView.GrantedSinceAsync(organisationId, sharing, cancellationToken);
        var now = time.GetUtcNow();
        var facts = await inView.ReadAsync(since, now, cancellationToken);
        return Outcome.Done(InViewRules.Worklist(facts, now, options.Value.NoContactAfter, handovers.Value.WarmWithin));
    }

    /// <summary>One person's entry, read through the door and logged; 404 when they do not share their plan with the caller's municipality.</summary>
    public async Task<Outcome<InViewEntry>> OpenAsync(ClaimsPrincipal coach, Guid personId, AccessChannel channel, CancellationToken cancellationToken = default)
    {
        if (await MunicipalityOf(coach, cancellationToken) is not { } organisationId)
        {
            return NotMunicipality<InViewEntry>();
        }

        if (await personalData.ReadAsync(coach, personId, [DataCategory.Plan], channel, cancellationToken) is null)
        {
            return Outcome.Fail<InViewEntry>(OutcomeStatus.NotFound, "Consent.Problem.PersonNotFound");
        }

        var since = await inView.GrantedSinceAsync(organisationId, [personId], cancellationToken);
        var now = time.GetUtcNow();
        var facts = await inView.ReadAsync(since, now, cancellationToken);
        if (facts.Count == 0)
        {
            return Outcome.Fail<InViewEntry>(OutcomeStatus.NotFound, "Consent.Problem.PersonNotFound");
        }

        var person = facts[0];
        return Outcome.Done(new InViewEntry(person.PersonId, person.Name, InViewRules.Judge(person, now, options.Value.NoContactAfter, handovers.Value.WarmWithin)));
    }

    private async Task<Guid?> MunicipalityOf(ClaimsPrincipal coach, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(coach);
        return coach.GetOrganisationId() is { } organisationId
               && await organisations.FindAsync(organisationId, cancellationToken) is { Kind: OrganisationKind.Municipality }
            ? organisationId
            : null;
    }

    private static Outcome<T> NotMunicipality<T>() => Outcome.Fail<T>(OutcomeStatus.Forbidden, "InView.Problem.NotMunicipality");
}
