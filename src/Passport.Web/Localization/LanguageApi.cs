using Passport.Domain.Accounts;

namespace Passport.Web.Localization;

/// <summary>The language switch: a plain link or form target, so it works without JavaScript.</summary>
public static class LanguageApi
{
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/language/{language}", SwitchLanguage).ExcludeFromDescription();
        return endpoints;
    }

    private static RedirectHttpResult SwitchLanguage(string language, string? returnUrl, HttpContext context)
    {
        if (Languages.IsSupported(language))
        {
            context.Response.SetLanguageCookie(language);
        }

        // Only local paths: the switch must not become an open redirect.
        var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
        return TypedResults.LocalRedirect(target);
    }
}
