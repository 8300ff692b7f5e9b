using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Passport.Web.Hosting;

public static class ProxyHostingExtensions
{
    /// <summary>Forwarded headers from the configured proxies only, and HSTS (one year, subdomains too).</summary>
    public static IHostApplicationBuilder AddPassportProxy(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.SectionName)
            .Configure<IConfiguration>((proxy, configuration) =>
            {
                proxy.KnownProxies.AddRange(ProxyOptions.Split(configuration[$"{ProxyOptions.SectionName}:{nameof(ProxyOptions.KnownProxies)}"]));
                proxy.KnownNetworks.AddRange(ProxyOptions.Split(configuration[$"{ProxyOptions.SectionName}:{nameof(ProxyOptions.KnownNetworks)}"]));
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            // Without configured proxies nothing is forwarded: empty lists would make the middleware trust everyone.
            forwarded.ForwardedHeaders = proxy.Value.IsConfigured ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            // Only what is configured: the framework's default trusts loopback.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.ProxyAddresses())
            {
                forwarded.KnownProxies.Add(address);
            }

            foreach (var network in proxy.Value.ProxyNetworks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }

            // Every hop is checked against the lists, so a chain of known proxies (CDN, then load balancer) is followed
            // to the first address that is not one of them: the client.
            forwarded.ForwardLimit = null;
        });
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        return builder;
    }

    /// <summary>First in the pipeline: who the client is and whether it used HTTPS, then HSTS outside Development.</summary>
    public static WebApplication UsePassportProxy(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Options are read when the pipeline starts, so a bad Proxy setting is reported like any other at start.
        app.UseForwardedHeaders();

        if (!app.Environment.IsDevelopment())
        {
            // Only sent on HTTPS requests (directly, or through a configured proxy), never to localhost.
            app.UseHsts();
        }

        // Every cookie (sign-in, antiforgery, language) is Secure when the request was HTTPS.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
        return app;
    }
}
