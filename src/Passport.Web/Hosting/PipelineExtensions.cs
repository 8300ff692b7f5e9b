using Passport.Web.Accounts;
using Passport.Web.Admin;
using Passport.Web.Appointments;
using Passport.Web.Benchmarks;
using Passport.Web.Consent;
using Passport.Web.Credentials;
using Passport.Web.Handovers;
using Passport.Web.Email;
using Passport.Web.Health;
using Passport.Web.JobSeekers;
using Passport.Web.Localization;
using Passport.Web.Matching;
using Passport.Web.Notifications;
using Passport.Web.Organisations;
using Passport.Web.OrganisationStaff;
using Passport.Web.Passports;
using Passport.Web.Places;
using Passport.Web.Insights;
using Passport.Web.Pathways;
using Passport.Web.Journeys;
using Passport.Web.Plans;
using Passport.Web.Privacy;
using Passport.Web.Sectors;
using Passport.Web.Sharing;
using Passport.Web.SocialMap;
using Passport.Web.Shell;
using Passport.Web.Sprints;
using Passport.Web.Vacancies;

namespace Passport.Web.Hosting;

public static class PipelineExtensions
{
    /// <summary>
    /// Middleware order: the real client and scheme behind a proxy first (limits and cookies depend on them), then
    /// language (so every error is in the caller's language), then errors (problem details for programs, pages for
    /// people), then security headers, identity and limits.
    /// </summary>
    public static WebApplication UsePassportPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UsePassportProxy();
        app.UseRequestLocalization();
        app.UseWhen(context => IsProgrammaticPath(context.Request.Path), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !IsProgrammaticPath(context.Request.Path), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                CreateScopeForErrors = true,
                // An outage is not a fault of the page: 503, and the error page says to try again later.
                StatusCodeSelector = exception => Outages.Of(exception) is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable,
            });
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });
        // Routing after the error handlers, so a re-executed /error or /not-found request is routed afresh.
        app.UseRouting();
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseApiReferenceLanguage();
        return app;
    }

    public static WebApplication MapPassportEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPassportHealth();
        app.MapOpenApi();
        app.MapPassportApiReference();

        app.MapAuthApi();
        app.MapMeApi();
        app.MapPreferencesApi();
        app.MapOrganisationApi();
        app.MapSectorsApi();
        app.MapPlacesApi();
        app.MapSprints();
        app.MapConsent();
        app.MapRightsApi();
        app.MapPassportRecords();
        app.MapSharing();
        app.MapAppointments();
        app.MapNotifications();
        app.MapAdminOrganisationsApi();
        app.MapClusterApi();
        app.MapAdminEmailApi();
        app.MapBenchmarks();
        app.MapPassportCredentials();
        app.MapPathways();
        app.MapVacancies();
        app.MapPlanApi();
        app.MapJourneyApi();
        app.MapInViewApi();
        app.MapSocialMapApi();
        app.MapHandoverApi();
        app.MapMatching();
        app.MapInsightsApi();
        app.MapMunicipalityInsightsApi();
        app.MapPlanBarriersApi();
        app.MapStaffApi();

        app.MapLanguageSwitch();
        app.MapAccountForms();
        app.MapPassportPages();
        return app;
    }

    public static bool IsProgrammaticPath(PathString path) =>
        AccountsHostingExtensions.IsTokenPath(path) || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi")
        || CredentialsHostingExtensions.IsPublishedPath(path);
}
