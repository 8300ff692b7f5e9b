using Passport.Grains.Sprints;

namespace Passport.Web.Sprints;

public static class SprintsHostingExtensions
{
    /// <summary>The sprint hub, its connection observers and the rules of play (<c>Sprints</c> section).</summary>
    public static IHostApplicationBuilder AddPassportSprints(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SprintOptions>().BindConfiguration(SprintOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _), "Sprints:TimeZone is not a known time zone.")
            .ValidateOnStart();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<SprintConnections>();
        builder.Services.AddHostedService<SprintHandOff>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSprints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSprintsApi();
        endpoints.MapHub<SprintHub>(SprintHub.Path);
        return endpoints;
    }
}
