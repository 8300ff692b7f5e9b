using Passport.Web.Sharing;

namespace Passport.Web.Hosting;

public static class SecurityHeaders
{
    // Pages load only their own scripts and styles; nothing may frame them.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Decided on the path as requested: a 404 page re-executed for it must stay just as private.
        var bearsSecret = SharingHostingExtensions.IsSecretBearingPath(context.Request.Path)
            || Appointments.AppointmentsHostingExtensions.IsSecretBearingPath(context.Request.Path);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = bearsSecret ? "no-referrer" : "strict-origin-when-cross-origin";
            if (bearsSecret)
            {
                headers.CacheControl = "no-store";
                headers["X-Robots-Tag"] = "noindex";
            }

            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // The interactive API reference renders with inline code of its own; everything else gets the strict policy.
            if (!context.Request.Path.StartsWithSegments("/api/reference"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
