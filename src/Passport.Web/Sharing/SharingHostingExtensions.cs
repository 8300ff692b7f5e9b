namespace Passport.Web.Sharing;

public static class SharingHostingExtensions
{
    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapShareLinksApi();
        return endpoints;
    }

    /// <summary>
    /// Paths whose answers hold a share link's secret or what it opens: never cached, never indexed, and no
    /// Referer, so the token in the address cannot leak to another site through a link on the page.
    /// </summary>
    public static bool IsSecretBearingPath(PathString path) =>
        path.StartsWithSegments(ShareLinkAddresses.PublicPath)
        || path.StartsWithSegments($"/api{ShareLinkAddresses.PublicPath}")
        || path.StartsWithSegments("/api/me/share-links")
        || path.StartsWithSegments("/sharing/links");
}
