using Passport.Application.Organisations;
using Passport.Data.Organisations;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Organisations;

namespace Passport.Web.Admin;

/// <summary>
/// <c>/api/admin/organisations</c>: the platform administrator registers the organisations that take part and is the
/// only one who changes their kind, legal name and sector, which decide whose consent covers them. Every change is
/// recorded with who made it, and the history can be read back.
/// </summary>
public static class AdminOrganisationsApi
{
    public static IEndpointRouteBuilder MapAdminOrganisationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin/organisations").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync).WithSummary("All organisations, by name").WithPaging();
        group.MapPost("/", CreateAsync).WithSummary("Register an organisation").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One organisation").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateAsync).WithSummary("Change an organisation, its kind, legal name and sector included (recorded)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/changes", ChangesAsync).WithSummary("Who changed what of an organisation, newest first")
            .WithPaging()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    public sealed record EditorResponse(Guid? UserId, string? Name, string Role);

    public sealed record OrganisationChangeResponse(Guid Id, DateTimeOffset ChangedAt, EditorResponse ChangedBy, string Field, string? OldValue, string? NewValue)
    {
        public static OrganisationChangeResponse From(OrganisationChangeRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            return new(row.Id, row.ChangedAt, new EditorResponse(row.ChangedByUserId, row.ChangedByName, row.ChangedByRole.ToLowerInvariant()),
                row.Field, row.OldValue, row.NewValue);
        }
    }

    private static async Task<Ok<OrganisationResponse[]>> ListAsync(ListPage page, OrganisationDesk desk, CancellationToken cancellationToken) =>
        page.Ok((await desk.ListAsync(page.Request, cancellationToken)).Select(OrganisationResponse.From));

    private static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        Guid id, OrganisationDesk desk, OutcomeResults results, CancellationToken cancellationToken) =>
        results.ToHttp(await desk.FindAsync(id, cancellationToken), organisation => TypedResults.Ok(OrganisationResponse.From(organisation)));

    private static async Task<Results<Created<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        OrganisationRequest request, OrganisationDesk desk, OutcomeResults results, CancellationToken cancellationToken) =>
        results.ToHttp(
            await desk.CreateAsync(request.Kind, request.ToProfile(), cancellationToken),
            created => TypedResults.Created($"/api/admin/organisations/{created.Id}", OrganisationResponse.From(created)));

    /// <summary>Replaces every field. A change of kind needs the organisation to have no staff yet: their roles follow it.</summary>
    private static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, OrganisationRequest request, HttpContext context, OrganisationDesk desk, OutcomeResults results, CancellationToken cancellationToken) =>
        results.ToHttp(
            await desk.ReplaceAsync(context.User, id, request.Kind, request.ToProfile(), cancellationToken),
            stored => TypedResults.Ok(OrganisationResponse.From(stored)));

    private static async Task<Results<Ok<OrganisationChangeResponse[]>, ValidationProblem, ProblemHttpResult>> ChangesAsync(
        Guid id, ListPage page, OrganisationDesk desk, OutcomeResults results, CancellationToken cancellationToken) =>
        results.ToHttp(await desk.ChangesAsync(id, page.Request, cancellationToken), changes => page.Ok(changes.Select(OrganisationChangeResponse.From)));
}
