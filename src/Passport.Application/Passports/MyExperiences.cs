using System.Security.Claims;
using Passport.Application.Accounts;
using Passport.Data.Database;
using Passport.Data.Experiences;
using Passport.Domain.Experiences;
using Passport.Domain.Validation;

namespace Passport.Application.Passports;

/// <summary>
/// The work, internships, volunteering and education in a job seeker's own passport, for the API and the pages.
/// Everything is keyed by the caller; someone else's experience is not found, like an unknown one.
/// </summary>
public sealed class MyExperiences(ExperienceRepository experiences, PassportCalendar calendar)
{
    private const string NotFoundProblem = "Problem.ExperienceNotFound";

    /// <summary>The owner's experiences, the most recent first; all of them, or one page.</summary>
    public Task<IReadOnlyList<ExperienceRecord>> ListAsync(ClaimsPrincipal owner, PageRequest? page = null, CancellationToken cancellationToken = default) =>
        experiences.ListAsync(OwnerId(owner), page, cancellationToken);

    /// <summary>The rules an experience must meet today (it cannot start in the future, and so on).</summary>
    public ValidationErrors Check(ExperienceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Validate(calendar.Today());
    }

    public async Task<Outcome<ExperienceRecord>> AddAsync(ClaimsPrincipal owner, ExperienceDraft draft, CancellationToken cancellationToken = default)
    {
        var errors = Check(draft);
        return errors.IsValid
            ? Outcome.Done(await experiences.CreateAsync(OwnerId(owner), draft.ToExperience(), cancellationToken))
            : Outcome.Invalid<ExperienceRecord>(errors);
    }

    public async Task<Outcome<ExperienceRecord>> ChangeAsync(ClaimsPrincipal owner, Guid id, ExperienceDraft draft, CancellationToken cancellationToken = default)
    {
        var errors = Check(draft);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<ExperienceRecord>(errors);
        }

        return await experiences.UpdateAsync(OwnerId(owner), id, draft.ToExperience(), cancellationToken) is { } record
            ? Outcome.Done(record)
            : Outcome.Fail<ExperienceRecord>(OutcomeStatus.NotFound, NotFoundProblem);
    }

    public async Task<Outcome<Guid>> RemoveAsync(ClaimsPrincipal owner, Guid id, CancellationToken cancellationToken = default) =>
        await experiences.DeleteAsync(OwnerId(owner), id, cancellationToken)
            ? Outcome.Done(id)
            : Outcome.Fail<Guid>(OutcomeStatus.NotFound, NotFoundProblem);

    private static Guid OwnerId(ClaimsPrincipal owner) => owner?.GetUserId() ?? throw new InvalidOperationException("Only a signed-in job seeker has experiences.");
}
