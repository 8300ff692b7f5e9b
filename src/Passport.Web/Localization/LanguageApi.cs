using Passport.Domain.Accounts;
using Passport.Web.Hosting;

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

        return TypedResults.LocalRedirect(LocalUrl.OrFallback(returnUrl, "/"));
    }
}
