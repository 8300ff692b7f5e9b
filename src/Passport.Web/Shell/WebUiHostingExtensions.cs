using Microsoft.AspNetCore.RateLimiting;
using Passport.Web.Accounts;

namespace Passport.Web.Shell;

public static class WebUiHostingExtensions
{
    private static readonly HashSet<string> RateLimitedPages = new(["account/signin", "account/signup", "account/forgot-password", "account/reset-password", "invitations/accept"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Blazor with static server rendering; live pages opt into Interactive Server one by one.</summary>
    public static IHostApplicationBuilder AddPassportWebUi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAntiforgery(options => options.Cookie.Name = "passport.antiforgery");
        return builder;
    }

    public static WebApplication MapPassportPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().Add(endpoint =>
        {
            // The sign-in and sign-up forms are as rate-limited as the API's /api/auth (their posts count together).
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && RateLimitedPages.Contains(route.TrimStart('/')))
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(AuthApi.RateLimitPolicy));
            }
        });
        return app;
    }
}
