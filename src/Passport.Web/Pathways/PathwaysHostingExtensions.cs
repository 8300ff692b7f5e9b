using Passport.Data.Database;
using Passport.Web.Demo;

namespace Passport.Web.Pathways;

public static class PathwaysHostingExtensions
{
    /// <summary>The demo pathways' seeder; call it after <c>AddPassportContent</c>, whose demo organisations they belong to.</summary>
    public static IHostApplicationBuilder AddPassportPathways(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IDatabaseSeeder, DemoPathwaySeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPathways(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPathwaysApi();
        endpoints.MapMyPathwaysApi();
        return endpoints;
    }
}
