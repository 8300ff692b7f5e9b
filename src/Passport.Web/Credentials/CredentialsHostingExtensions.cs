using Passport.Application.Credentials;

namespace Passport.Web.Credentials;

public static class CredentialsHostingExtensions
{
    private const string DevelopmentAddress = "http://localhost:5080/";

    /// <summary>
    /// The options of Open Badges credentials (<c>Credentials</c>), with the issuer's address defaulting to this host's
    /// own in Development; the keys, issuing, revocation, status lists and verification are the application layer's.
    /// </summary>
    public static IHostApplicationBuilder AddPassportCredentials(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<CredentialsOptions>().BindConfiguration(CredentialsOptions.SectionName)
            .Configure(options =>
            {
                if (development)
                {
                    options.IssuerUrl ??= DevelopmentIssuerUrl(builder.Configuration["urls"]);
                }
            })
            .ValidateDataAnnotations()
            .Validate(options => options.IssuerUrl is not null,
                $"{CredentialsOptions.SectionName}:IssuerUrl is required outside Development: the public https address of this deployment, e.g. https://passport.example.org/.")
            .Validate(options => development || options.IssuerUrl is null || options.IssuerUrl.Scheme == Uri.UriSchemeHttps,
                $"{CredentialsOptions.SectionName}:IssuerUrl must be an https address outside Development.")
            .ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// In Development without <c>Credentials:IssuerUrl</c>: the first address the host is configured to listen on
    /// (<c>urls</c>, http://localhost:5080 by default), with a wildcard host read as localhost.
    /// </summary>
    internal static Uri DevelopmentIssuerUrl(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return new Uri(DevelopmentAddress);
        }

        first = first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        if (!Uri.TryCreate(first, UriKind.Absolute, out var parsed))
        {
            return new Uri(DevelopmentAddress);
        }

        var address = new UriBuilder(parsed) { Path = "/" };
        if (address.Host is "0.0.0.0" or "[::]")
        {
            address.Host = "localhost";
        }

        return address.Uri;
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
