using System.Text;
using Scalar.AspNetCore;

namespace Passport.Web.Hosting;

/// <summary>
/// The interactive API reference (Scalar) at <c>/api/reference</c>. Scalar writes its page as <c>&lt;html&gt;</c> without
/// a language, so screen readers guess how to pronounce it (axe <c>html-has-lang</c>); the reference is written in
/// English whatever language the site is shown in, so its page says <c>lang="en"</c>.
/// </summary>
public static class ApiReferencePage
{
    public const string Path = "/api/reference";

    private const string Language = "en";

    // Scalar draws the names of its client libraries and its search placeholder in a faint grey that fails WCAG 2.1 AA
    // contrast (axe color-contrast).
    private const string ContrastCss =
        ".client-libraries-text, .sidebar-search-placeholder { color: var(--scalar-color-1) !important; opacity: 1 !important; }";

    public static IEndpointConventionBuilder MapPassportApiReference(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapScalarApiReference(Path, options => options
            .WithTitle("Passport API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .WithCustomCss(ContrastCss));
    }

    /// <summary>Gives the reference's HTML page its language; its scripts and styles (paths with an extension) pass untouched.</summary>
    public static IApplicationBuilder UseApiReferenceLanguage(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseWhen(
            context => context.Request.Path.StartsWithSegments(Path) && !System.IO.Path.HasExtension(context.Request.Path.Value),
            reference => reference.Use(AddLanguageAsync));
    }

    private static async Task AddLanguageAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        var response = context.Response;
        if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true || response.Headers.ContentEncoding.Count > 0)
        {
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var html = WithLanguage(Encoding.UTF8.GetString(buffer.ToArray()));
        var bytes = Encoding.UTF8.GetBytes(html);
        response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>Adds the language to the first <c>&lt;html&gt;</c> tag that has none.</summary>
    public static string WithLanguage(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var start = html.IndexOf("<html", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return html;
        }

        var end = html.IndexOf('>', start);
        if (end < 0 || html.AsSpan(start, end - start).Contains(" lang=", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        return string.Concat(html.AsSpan(0, start + "<html".Length), $" lang=\"{Language}\"", html.AsSpan(start + "<html".Length));
    }
}
