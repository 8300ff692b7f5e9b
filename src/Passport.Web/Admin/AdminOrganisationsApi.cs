using Passport.Data.Organisations;
using Passport.Domain.Organisations;
using Passport.Domain.Sectors;
using Passport.Domain.Validation;
using Passport.Web.Accounts;
using Passport.Web.Hosting;
using Passport.Web.Localization;
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

    private static async Task<Ok<OrganisationResponse[]>> ListAsync(ListPage page, OrganisationRepository organisations, CancellationToken cancellationToken) =>
        page.Ok((await organisations.ListAsync(page.Request, cancellationToken)).Select(OrganisationResponse.From));

    private static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> GetAsync(
        Guid id, OrganisationRepository organisations, ApiProblems problems, CancellationToken cancellationToken) =>
        await organisations.FindAsync(id, cancellationToken) is { } organisation
            ? TypedResults.Ok(OrganisationResponse.From(organisation))
            : NotFound(problems);

    private static async Task<Results<Created<OrganisationResponse>, ValidationProblem>> CreateAsync(
        OrganisationRequest request, OrganisationRepository organisations, SectorCatalog sectors, ValidationMessages messages,
        CancellationToken cancellationToken)
    {
        var (kind, profile, errors) = Check(request, sectors);
        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        var id = Guid.CreateVersion7();
        await organisations.CreateAsync(id, kind, profile, isDemo: false, cancellationToken);
        var created = await organisations.FindAsync(id, cancellationToken);
        return TypedResults.Created($"/api/admin/organisations/{id}", OrganisationResponse.From(created!));
    }

    /// <summary>Replaces every field. A change of kind needs the organisation to have no staff yet: their roles follow it.</summary>
    private static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, OrganisationRequest request, HttpContext context, OrganisationRepository organisations, SectorCatalog sectors,
        ValidationMessages messages, ApiProblems problems, CancellationToken cancellationToken)
    {
        var (kind, profile, errors) = Check(request, sectors);
        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        if (await organisations.FindAsync(id, cancellationToken) is not { } current)
        {
            return NotFound(problems);
        }

        var update = await organisations.UpdateAsync(current, kind, profile, new OrganisationEditor(context.User.GetUserId()!.Value, IsAdmin: true), cancellationToken);
        return update.Outcome switch
        {
            OrganisationUpdateOutcome.Done => TypedResults.Ok(OrganisationResponse.From(update.Organisation!)),
            OrganisationUpdateOutcome.KindHasStaff => problems.Create(
                StatusCodes.Status409Conflict, "Problem.OrganisationKindHasStaff.Title", "Problem.OrganisationKindHasStaff.Detail"),
            _ => problems.Create(StatusCodes.Status409Conflict, "Problem.OrganisationChanged.Title", "Problem.OrganisationChanged.Detail"),
        };
    }

    private static async Task<Results<Ok<OrganisationChangeResponse[]>, ProblemHttpResult>> ChangesAsync(
        Guid id, ListPage page, OrganisationRepository organisations, ApiProblems problems, CancellationToken cancellationToken)
    {
        if (await organisations.FindAsync(id, cancellationToken) is null)
        {
            return NotFound(problems);
        }

        return page.Ok((await organisations.ListChangesAsync(id, page.Request, cancellationToken)).Select(OrganisationChangeResponse.From));
    }

    private static (OrganisationKind Kind, OrganisationProfile Profile, ValidationErrors Errors) Check(OrganisationRequest request, SectorCatalog sectors)
    {
        var profile = request.ToProfile();
        var errors = profile.Validate(sectors);
        // Enum.TryParse also accepts numbers; only the names are part of the API.
        if (!Enum.GetNames<OrganisationKind>().Contains(request.Kind, StringComparer.Ordinal)
            || !Enum.TryParse<OrganisationKind>(request.Kind, out var kind))
        {
            errors.Add("kind", "OrganisationKind.Unknown", string.Join(", ", Enum.GetNames<OrganisationKind>()));
            kind = default;
        }

        return (kind, profile, errors);
    }

    private static ProblemHttpResult NotFound(ApiProblems problems) =>
        problems.Create(StatusCodes.Status404NotFound, "Problem.OrganisationNotFound.Title", "Problem.OrganisationNotFound.Detail");
}
