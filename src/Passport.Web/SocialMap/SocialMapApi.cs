using Passport.Application.SocialMap;
using Passport.Domain.SocialMap;
using Passport.Web.Accounts;
using Passport.Web.Hosting;

namespace Passport.Web.SocialMap;

/// <summary>
/// <c>/api/social-map</c>: the listed organisations of the social map nearest to a place first, for anyone signed in
/// (by default from the young person's home place). <c>/api/municipality/social-map</c>: a municipality's coaches
/// curate their own map and see each entry's reach and impact (counts of people, suppressed below five); another
/// municipality's entry is not found.
/// </summary>
public static class SocialMapApi
{
    public static IEndpointRouteBuilder MapSocialMapApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/social-map").WithTags("Social map").RequireAuthorization()
            .MapGet("/", NearAsync).WithSummary("Organisations near a place that young people can go to, nearest first; filter by what they offer")
            .ProducesValidationProblem().WithPaging();

        var curate = endpoints.MapGroup("/api/municipality/social-map").WithTags("Social map").RequireAuthorization(Policies.Coach);
        curate.MapGet("/", ListOwnAsync).WithSummary("Your municipality's map, listed or not, with each organisation's reach and impact")
            .ProducesProblem(StatusCodes.Status403Forbidden).WithPaging();
        curate.MapPost("/", AddAsync).WithSummary("Add an organisation to your municipality's map")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        curate.MapPut("/{id:guid}", UpdateAsync).WithSummary("Change an organisation of your municipality's map")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    /// <summary>A map entry as sent: <c>kind</c> and <c>offers</c> by their ids, <c>placeId</c> from <c>/api/places</c>; <c>listed</c> only once the organisation agreed.</summary>
    public sealed record MapOrganisationRequest(
        string? Name,
        string? Kind,
        string? PlaceId,
        IReadOnlyList<string>? Offers,
        IReadOnlyList<string>? Languages,
        string? OpeningTimes,
        string? Phone,
        string? Email,
        string? Website,
        bool? Listed)
    {
        public MapOrganisationDraft ToDraft() => new(Name, Kind, PlaceId, Offers, Languages, OpeningTimes, Phone, Email, Website, Listed ?? false);
    }

    private static async Task<Results<Ok<MapOrganisationResponse[]>, ValidationProblem, ProblemHttpResult>> NearAsync(
        string? place, string? offer, ListPage page, HttpContext context, SocialMapDesk map, OutcomeResults results) =>
        results.ToHttp(
            await map.NearAsync(context.User, place, offer, context.RequestAborted),
            entries => page.Ok(page.Request.Of(entries).Select(MapOrganisationResponse.From)));

    private static async Task<Results<Ok<CuratedOrganisationResponse[]>, ValidationProblem, ProblemHttpResult>> ListOwnAsync(
        ListPage page, HttpContext context, SocialMapDesk map, OutcomeResults results) =>
        results.ToHttp(
            await map.ListOwnAsync(context.User, context.RequestAborted),
            entries => page.Ok(page.Request.Of(entries).Select(CuratedOrganisationResponse.From)));

    private static async Task<Results<Created<MapOrganisationResponse>, ValidationProblem, ProblemHttpResult>> AddAsync(
        MapOrganisationRequest request, HttpContext context, SocialMapDesk map, OutcomeResults results) =>
        results.ToHttp(
            await map.AddAsync(context.User, request.ToDraft(), context.RequestAborted),
            entry => TypedResults.Created($"/api/municipality/social-map/{entry.Organisation.Id}", MapOrganisationResponse.From(entry)));

    private static async Task<Results<Ok<MapOrganisationResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, MapOrganisationRequest request, HttpContext context, SocialMapDesk map, OutcomeResults results) =>
        results.ToHttp(
            await map.UpdateAsync(context.User, id, request.ToDraft(), context.RequestAborted),
            entry => TypedResults.Ok(MapOrganisationResponse.From(entry)));
}
