using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Passport.Web.Hosting;

namespace Passport.Web.Accounts;

/// <summary>
/// The page session: the cookie slides while in use (<see cref="AuthOptions.CookieIdleTimeout"/>), but ends
/// <see cref="AuthOptions.CookieAbsoluteLifetime"/> after signing in, and as soon as the account's security stamp
/// changes (<see cref="SessionStamps"/>), so a copied cookie stops working after signing out.
/// </summary>
internal static class SessionCookie
{
    private const string SignedInAt = "passport.signedInAt";

    public static Task OnSigningInAsync(CookieSigningInContext context)
    {
        MarkSignedIn(context.Properties, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        return Task.CompletedTask;
    }

    /// <summary>Reissuing the cookie (new name, new password) keeps the first sign-in time, so the absolute lifetime holds.</summary>
    public static void MarkSignedIn(AuthenticationProperties properties, DateTimeOffset now) =>
        properties.Items.TryAdd(SignedInAt, now.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>False also for a cookie without a sign-in time (issued before sessions had an absolute lifetime).</summary>
    public static bool IsWithinLifetime(AuthenticationProperties properties, DateTimeOffset now, TimeSpan lifetime) =>
        properties.Items.TryGetValue(SignedInAt, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
        && now - signedInAt <= lifetime;

    public static async Task OnValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = http.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.CookieAbsoluteLifetime;
        bool current;
        try
        {
            current = IsWithinLifetime(context.Properties, now, lifetime)
                && await http.RequestServices.GetRequiredService<SessionStamps>().IsCurrentAsync(context.Principal, http.RequestAborted);
        }
        catch (Exception ex) when (http.Features.Get<IExceptionHandlerFeature>() is { } failed && Outages.Of(ex) is not null)
        {
            // The error page for an outage is being shown: it needs no account, and must not fail again for the same
            // reason. The cookie stays; only this page is shown as to a visitor.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionCookie))
                .LogInformation(ex, "The session could not be checked while showing the error page for {Path}", failed.Path);
            context.RejectPrincipal();
            return;
        }

        if (!current)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
