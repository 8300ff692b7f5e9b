using System.Security.Claims;
using Microsoft.Extensions.Options;
using Passport.Application.Accounts;
using Passport.Data.Database;
using Passport.Data.Vacancies;
using Passport.Domain.Sectors;
using Passport.Domain.Skills;
using Passport.Domain.Vacancies;
using Passport.Domain.Validation;
using Passport.Grains.Vacancies;

namespace Passport.Application.Vacancies;

/// <summary>
/// An employer's vacancies, for the API and the pages alike: writing a new one checks the rules and the
/// organisation's cap on open vacancies in one place. Everything is keyed by the caller's organisation.
/// </summary>
public sealed class VacancyDesk(IGrainFactory grains, VacancyRepository vacancies, SectorCatalog sectors, SkillCatalog skills, IOptions<LimitOptions> limits)
{
    /// <summary>
    /// The organisation's vacancies, newest first; all of them or one page. Read from the table: every vacancy grain
    /// writes through before it answers, so the rows are current.
    /// </summary>
    public Task<IReadOnlyList<VacancyRecord>> ListAsync(ClaimsPrincipal employer, PageRequest? page = null, CancellationToken cancellationToken = default) =>
        vacancies.ListOfOrganisationAsync(
            employer?.GetOrganisationId() ?? throw new InvalidOperationException("Only staff of an organisation have vacancies."), page, cancellationToken);

    /// <summary>The rules a vacancy must meet: known sector and skills, a place, sensible levels and hours.</summary>
    public ValidationErrors Check(VacancyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Validate(sectors, skills);
    }

    /// <summary>Writes a new draft vacancy of the employer's organisation, unless it breaks the rules or the organisation is at its cap.</summary>
    public async Task<Outcome<VacancyView>> CreateAsync(ClaimsPrincipal employer, VacancyDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(employer);
        var errors = Check(draft);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<VacancyView>(errors);
        }

        var organisationId = employer.GetOrganisationId() ?? throw new InvalidOperationException("Only staff of an organisation write vacancies.");
        var most = limits.Value.OpenVacanciesPerOrganisation;
        if (await vacancies.CountOpenAsync(organisationId, cancellationToken) >= most)
        {
            return Outcome.LimitReached<VacancyView>("Vacancies", most);
        }

        var author = employer.GetUserId() ?? throw new InvalidOperationException("Only a signed-in employer writes vacancies.");
        return Outcome.Done(await grains.GetGrain<IVacancyGrain>(Guid.CreateVersion7()).CreateAsync(organisationId, author, VacancyDetails.From(draft.ToVacancy())));
    }

    /// <summary>
    /// Replaces what a vacancy of the employer's organisation says, with the same rules as writing it. Another
    /// organisation's vacancy is not found; a closed one cannot change (a new opening is a new vacancy).
    /// </summary>
    public async Task<Outcome<VacancyView>> UpdateAsync(ClaimsPrincipal employer, Guid vacancyId, VacancyDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(employer);
        var organisationId = employer.GetOrganisationId() ?? throw new InvalidOperationException("Only staff of an organisation change vacancies.");
        var grain = grains.GetGrain<IVacancyGrain>(vacancyId);
        // Unknown or not ours is answered before the rules, so a caller learns nothing of another organisation's vacancy.
        if (await grain.GetAsync(organisationId) is null)
        {
            return Outcome.Fail<VacancyView>(OutcomeStatus.NotFound, "Problem.VacancyNotFound");
        }

        var errors = Check(draft);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<VacancyView>(errors);
        }

        var result = await grain.UpdateAsync(organisationId, employer.GetUserId(), VacancyDetails.From(draft.ToVacancy()));
        return result.Change switch
        {
            VacancyChange.Done => Outcome.Done(result.Vacancy!),
            VacancyChange.NotAllowed => Outcome.Fail<VacancyView>(OutcomeStatus.Conflict, "Problem.VacancyClosed"),
            _ => Outcome.Fail<VacancyView>(OutcomeStatus.NotFound, "Problem.VacancyNotFound"),
        };
    }

    /// <summary>One page of the recorded edits of a published vacancy of the employer's organisation, newest first; null when it is not theirs.</summary>
    public async Task<IReadOnlyList<VacancyChangeRow>?> ChangesAsync(
        ClaimsPrincipal employer, Guid vacancyId, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(employer);
        var organisationId = employer.GetOrganisationId() ?? throw new InvalidOperationException("Only staff of an organisation have vacancies.");
        return await grains.GetGrain<IVacancyGrain>(vacancyId).GetAsync(organisationId) is null
            ? null
            : await vacancies.ListChangesAsync(vacancyId, page, cancellationToken);
    }
}
