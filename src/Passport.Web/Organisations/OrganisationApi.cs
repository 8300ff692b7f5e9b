using Passport.Application.Organisations;
using Passport.Web.Accounts;
using Passport.Web.Hosting;

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
        HttpContext context, OrganisationDesk desk, ApiProblems problems, CancellationToken cancellationToken) =>
        await desk.MineAsync(context.User, cancellationToken) is { } organisation
            ? TypedResults.Ok(OrganisationResponse.From(organisation))
            : problems.Create(StatusCodes.Status404NotFound, "Problem.OrganisationNotFound.Title", "Problem.OrganisationNotFound.Detail");

    /// <summary>
    /// Kind, name and sector may be sent back as they are (a client that edits what it read); left out or empty they
    /// stay as they are; a different value is refused. Place, website and description are replaced.
    /// </summary>
    private static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        OrganisationRequest request, HttpContext context, OrganisationDesk desk, OutcomeResults results, CancellationToken cancellationToken) =>
        results.ToHttp(
            await desk.EditMineAsync(context.User, request.Kind, request.ToProfile(), cancellationToken),
            stored => TypedResults.Ok(OrganisationResponse.From(stored)));
}
