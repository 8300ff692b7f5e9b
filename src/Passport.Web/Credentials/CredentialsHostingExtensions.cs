namespace Passport.Web.Credentials;

public static class CredentialsHostingExtensions
{
    /// <summary>
    /// Open Badges credentials: options (<c>Credentials</c>), the issuer keys from their directory (the first one is
    /// made at start when there is none), issuing, revocation, status lists and verification.
    /// </summary>
    public static IHostApplicationBuilder AddPassportCredentials(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<CredentialsOptions>().BindConfiguration(CredentialsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IssuerKeys>();
        services.AddHostedService(provider => provider.GetRequiredService<IssuerKeys>());
        services.AddSingleton<CredentialService>();
        services.AddSingleton<CredentialVerifier>();
        return builder;
    }

    public static WebApplication MapPassportCredentials(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapCredentialsApi();
        app.MapCredentialForms();
        return app;
    }

    /// <summary>Public documents for programs (not pages): errors there are problem details, never an HTML page.</summary>
    public static bool IsPublishedPath(PathString path) =>
        path.StartsWithSegments("/.well-known") || path.StartsWithSegments("/issuer") || path.StartsWithSegments("/credentials/status");
}
