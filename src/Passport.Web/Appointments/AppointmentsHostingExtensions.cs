using Passport.Application.Appointments;

namespace Passport.Web.Appointments;

public static class AppointmentsHostingExtensions
{
    /// <summary>Appointments, their use cases and the calendar feed.</summary>
    public static IHostApplicationBuilder AddPassportAppointments(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddPassportAppointmentServices();
        builder.Services.AddScoped<AppointmentWords>();
        // After Orleans (Program.cs), so the silo runs by the time the demo plan goes through its grains.
        builder.Services.AddSingleton<Demo.DemoPlanSeeder>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<Demo.DemoPlanSeeder>());
        // After the demo plan: the demo referral is one more step of it.
        builder.Services.AddSingleton(provider => Demo.DemoSocialMap.Load(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.ContentOptions>>().Value,
            provider.GetRequiredService<Demo.DemoContent>(),
            provider.GetRequiredService<Passport.Domain.Places.PlaceCatalog>()));
        builder.Services.AddSingleton<Demo.DemoSocialMapSeeder>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<Demo.DemoSocialMapSeeder>());
        return builder;
    }

    public static IEndpointRouteBuilder MapAppointments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAppointmentsApi();
        return endpoints;
    }

    /// <summary>
    /// Paths whose answers hold a calendar feed's secret address or what it opens: never cached, never indexed, no
    /// Referer (as for share links).
    /// </summary>
    public static bool IsSecretBearingPath(PathString path) =>
        path.StartsWithSegments(AppointmentsApi.FeedPath) || path.StartsWithSegments("/api/me/calendar-feed") || path.StartsWithSegments("/appointments");
}
