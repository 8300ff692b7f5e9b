using Passport.Domain.Sectors;
using Passport.Web.Localization;

namespace Passport.Web.Sectors;

/// <summary><c>GET /api/sectors</c>: the sector list in the caller's language, for forms and filters.</summary>
public static class SectorsApi
{
    public static IEndpointRouteBuilder MapSectorsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/sectors", GetSectors).WithTags("Content").WithSummary("Labour-market sectors").AllowAnonymous();
        return endpoints;
    }

    public sealed record SectorResponse(string Id, string Name);

    private static Ok<SectorResponse[]> GetSectors(SectorCatalog catalog)
    {
        var language = LocalizationHostingExtensions.CurrentLanguage();
        return TypedResults.Ok(catalog.All.Select(sector => new SectorResponse(sector.Id, sector.NameIn(language))).ToArray());
    }
}
