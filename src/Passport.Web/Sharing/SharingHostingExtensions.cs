namespace Passport.Web.Sharing;

public static class SharingHostingExtensions
{
    /// <summary>Share links; needs the consent services (the gate and the shared-passport reader).</summary>
    public static IHostApplicationBuilder AddPassportSharing(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ShareLinkService>();
        return builder;
    }

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
        path.StartsWithSegments(ShareLinkService.PublicPath)
        || path.StartsWithSegments($"/api{ShareLinkService.PublicPath}")
        || path.StartsWithSegments("/api/me/share-links")
        || path.StartsWithSegments("/sharing/links");
}
