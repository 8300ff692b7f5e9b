using Passport.Domain.Places;

namespace Passport.Web.Places;

/// <summary><c>GET /api/places</c>: the towns a job seeker can name as where they live, for pickers. Content, so public.</summary>
public static class PlacesApi
{
    public static IEndpointRouteBuilder MapPlacesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/places", GetPlaces).WithTags("Content").WithSummary("Places a job seeker can live in").AllowAnonymous();
        return endpoints;
    }

    /// <summary>One place: its stable id, ISO 3166-1 alpha-2 country code and local name (the same in every language).</summary>
    public sealed record PlaceResponse(string Id, string Country, string Name);

    private static Ok<PlaceResponse[]> GetPlaces(PlaceCatalog catalog) =>
        TypedResults.Ok(catalog.All.Select(place => new PlaceResponse(place.Id, place.Country, place.Name)).ToArray());
}
