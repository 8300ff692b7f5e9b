using Passport.Data.Organisations;
using Passport.Domain.Organisations;
using Passport.Domain.Sectors;
using Passport.Web.Accounts;
using Passport.Web.Localization;
using Passport.Web.Organisations;

namespace Passport.Web.Admin;

/// <summary><c>/api/admin/organisations</c>: the platform administrator registers the organisations that take part.</summary>
public static class AdminOrganisationsApi
{
    public static IEndpointRouteBuilder MapAdminOrganisationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/admin/organisations").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListAsync).WithSummary("All organisations");
        group.MapPost("/", CreateAsync).WithSummary("Register an organisation").ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    public sealed record CreateOrganisationRequest(string? Kind, string? Name, string? Sector, string? Place, string? Website, string? Description);

    private static async Task<Ok<OrganisationResponse[]>> ListAsync(OrganisationRepository organisations, CancellationToken cancellationToken) =>
        TypedResults.Ok((await organisations.ListAsync(cancellationToken)).Select(OrganisationResponse.From).ToArray());

    private static async Task<Results<Created<OrganisationResponse>, ValidationProblem>> CreateAsync(
        CreateOrganisationRequest request, OrganisationRepository organisations, SectorCatalog sectors, ValidationMessages messages,
        CancellationToken cancellationToken)
    {
        var profile = new OrganisationProfileRequest(request.Name, request.Sector, request.Place, request.Website, request.Description).ToProfile();
        var errors = profile.Validate(sectors);
        // Enum.TryParse also accepts numbers; only the names are part of the API.
        if (!Enum.GetNames<OrganisationKind>().Contains(request.Kind, StringComparer.Ordinal)
            || !Enum.TryParse<OrganisationKind>(request.Kind, out var kind))
        {
            errors.Add("kind", "OrganisationKind.Unknown", string.Join(", ", Enum.GetNames<OrganisationKind>()));
            kind = default;
        }

        if (!errors.IsValid)
        {
            return messages.Problem(errors);
        }

        var id = Guid.CreateVersion7();
        await organisations.CreateAsync(id, kind, profile, isDemo: false, cancellationToken);
        var created = await organisations.FindAsync(id, cancellationToken);
        return TypedResults.Created($"/api/admin/organisations/{id}", OrganisationResponse.From(created!));
    }
}
