using Passport.Data.Organisations;
using Passport.Domain.Sectors;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;

namespace Passport.Web.Organisations;

/// <summary>
/// <c>/api/organisation</c>: staff (employers, education partners, coaches) see and edit their own organisation's
/// profile. The organisation comes from the caller's token, never from the request, so no one reaches another's.
/// </summary>
public static class OrganisationApi
{
    public static IEndpointRouteBuilder MapOrganisationApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/organisation").WithTags("Organisations").RequireAuthorization(Policies.Staff);
        group.MapGet("/", GetAsync).WithSummary("Your organisation");
        group.MapPut("/", UpdateAsync).WithSummary("Edit your organisation's profile").ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> GetAsync(
        HttpContext context, OrganisationRepository organisations, ApiProblems problems, CancellationToken cancellationToken)
    {
        var organisation = await organisations.FindAsync(context.User.GetOrganisationId()!.Value, cancellationToken);
        return organisation is null ? NotFound(problems) : TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    private static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        OrganisationProfileRequest request, HttpContext context, OrganisationRepository organisations, SectorCatalog sectors,
        ValidationMessages messages, ApiProblems problems, CancellationToken cancellationToken)
    {
        var profile = request.ToProfile();
        var errors = profile.Validate(sectors);
        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        var id = context.User.GetOrganisationId()!.Value;
        if (!await organisations.UpdateProfileAsync(id, profile, cancellationToken))
        {
            return NotFound(problems);
        }

        return TypedResults.Ok(OrganisationResponse.From((await organisations.FindAsync(id, cancellationToken))!));
    }

    private static ProblemHttpResult NotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Problem.OrganisationNotFound.Title", "Problem.OrganisationNotFound.Detail");
}
