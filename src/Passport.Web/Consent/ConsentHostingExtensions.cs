using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Passport.Domain.Sectors;
using Passport.Grains.Consent;
using Passport.Grains.Sprints;
using Passport.Web.Localization;

namespace Passport.Web.Consent;

public static class ConsentHostingExtensions
{
    /// <summary>Consent checks and the <c>Privacy</c> settings (controller, consent ages).</summary>
    public static IHostApplicationBuilder AddPassportConsent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => options.DigitalConsentAges.Values.All(age => age is >= 13 and <= 16), "Privacy:DigitalConsentAges must lie between 13 and 16 (GDPR Art. 8).")
            .ValidateOnStart();
        builder.Services.AddScoped(services => new Pages.ConsentWords(
            services.GetRequiredService<IStringLocalizer<Texts>>(),
            services.GetRequiredService<SectorCatalog>(),
            TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<IOptions<SprintOptions>>().Value.TimeZone),
            services.GetRequiredService<LocalDates>()));
        return builder;
    }

    public static IEndpointRouteBuilder MapConsent(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConsentsApi();
        endpoints.MapPeopleApi();
        return endpoints;
    }
}
