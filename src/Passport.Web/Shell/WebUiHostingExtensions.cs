namespace Passport.Web.Shell;

public static class WebUiHostingExtensions
{
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
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
