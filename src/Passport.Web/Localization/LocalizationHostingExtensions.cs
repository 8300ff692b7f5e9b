using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Passport.Application.Localization;
using Passport.Domain.Accounts;
using Passport.Grains.Sprints;

namespace Passport.Web.Localization;

public static class LocalizationHostingExtensions
{
    /// <summary>
    /// English, Dutch, Danish and Norwegian bokmål. The language comes from the culture cookie (set by the
    /// language switch and at sign-in) or else <c>Accept-Language</c>, which is what the API and mobile apps send.
    /// </summary>
    public static IHostApplicationBuilder AddPassportLocalization(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddLocalization();
        builder.Services.AddScoped<ValidationMessages>();
        builder.Services.AddSingleton(services =>
            new LocalDates(TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<IOptions<SprintOptions>>().Value.TimeZone)));
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.All.Select(language => new CultureInfo(language)).ToList();
            options.DefaultRequestCulture = new RequestCulture(Languages.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.ApplyCurrentCultureToResponseHeaders = true;
            // Query string first (links a coach can send), then the cookie, then the browser's or app's preference.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }

    /// <summary>Remembers <paramref name="language"/> for this browser for a year.</summary>
    public static void SetLanguageCookie(this HttpResponse response, string language)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
    }

    /// <summary>The product language of the current request.</summary>
    public static string CurrentLanguage() => TextLanguage.Current();
}
