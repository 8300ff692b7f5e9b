using Passport.Data.Organisations;
using Passport.Domain.Organisations;
using Passport.Domain.Sectors;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Organisations;

/// <summary>
/// <c>/api/organisation</c>: staff (employers, education partners, coaches) see their own organisation and edit its
/// place, website and description. The organisation comes from the caller's token, never from the request, so no
/// one reaches another's. Kind, legal name and sector decide whose consent covers the organisation, so only an
/// administrator changes them (<see cref="Admin.AdminOrganisationsApi"/>); staff asking to change them get 403 and
/// nothing changes.
/// </summary>
public static class OrganisationApi
{
    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/organisation").WithTags("Organisations").RequireAuthorization(Policies.Staff);
        group.MapGet("/", GetAsync).WithSummary("Your organisation");
        group.MapPut("/", UpdateAsync).WithSummary("Edit your organisation's place, website and description")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> GetAsync(
        HttpContext context, OrganisationRepository organisations, ApiProblems problems, CancellationToken cancellationToken)
    {
        var organisation = await organisations.FindAsync(context.User.GetOrganisationId()!.Value, cancellationToken);
        return organisation is null ? NotFound(problems) : TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    /// <summary>
    /// Kind, name and sector may be sent back as they are (a client that edits what it read); left out or empty they
    /// stay as they are; a different value is refused. Place, website and description are replaced.
    /// </summary>
    private static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        OrganisationRequest request, HttpContext context, OrganisationRepository organisations, SectorCatalog sectors,
        ValidationMessages messages, ApiProblems problems, CancellationToken cancellationToken)
    {
        if (await organisations.FindAsync(context.User.GetOrganisationId()!.Value, cancellationToken) is not { } current)
        {
            return NotFound(problems);
        }

        var asked = request.ToProfile();
        var profile = asked with { Name = string.IsNullOrEmpty(asked.Name) ? current.Name : asked.Name, Sector = asked.Sector ?? current.Sector };
        var refused = OrganisationChanges.Between(current.Kind, current.Profile, current.Kind, profile)
            .Select(change => change.Field)
            .Where(OrganisationChanges.AdminOnly.Contains)
            .ToList();
        if (!string.IsNullOrWhiteSpace(request.Kind) && !string.Equals(request.Kind.Trim(), current.Kind.ToString(), StringComparison.Ordinal))
        {
            refused.Insert(0, OrganisationChanges.Kind);
        }

        if (refused.Count > 0)
        {
            var problem = problems.Create(StatusCodes.Status403Forbidden, "Problem.OrganisationIdentity.Title", "Problem.OrganisationIdentity.Detail");
            problem.ProblemDetails.Extensions["fields"] = refused;
            return problem;
        }

        var errors = profile.Validate(sectors);
        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        var editor = new OrganisationEditor(context.User.GetUserId()!.Value, IsAdmin: false);
        var update = await organisations.UpdateAsync(current, current.Kind, profile, editor, cancellationToken);
        return update.Organisation is { } stored
            ? TypedResults.Ok(OrganisationResponse.From(stored))
            : problems.Create(StatusCodes.Status409Conflict, "Problem.OrganisationChanged.Title", "Problem.OrganisationChanged.Detail");
    }

    private static ProblemHttpResult NotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Problem.OrganisationNotFound.Title", "Problem.OrganisationNotFound.Detail");
}
