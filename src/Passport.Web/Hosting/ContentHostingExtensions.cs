using Microsoft.Extensions.Options;
using Passport.Data.Database;
using Passport.Domain.Sectors;
using Passport.Web.Demo;
using Passport.Web.Sectors;

namespace Passport.Web.Hosting;

public static class ContentHostingExtensions
{
    /// <summary>The <c>content/</c> folder (sectors, demo data) and the demo seeding that reads it.</summary>
    public static IHostApplicationBuilder AddPassportContent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName)
            .Validate(options => Directory.Exists(options.Path), "Content:Path does not name an existing folder.")
            .ValidateOnStart();
        services.AddSingleton(provider => SectorCatalogLoader.Load(provider.GetRequiredService<IOptions<ContentOptions>>().Value));
        // Read once: by the seeder at start, then by the start-up report.
        services.AddSingleton(provider => DemoContent.Load(provider.GetRequiredService<IOptions<ContentOptions>>().Value));

        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        services.AddSingleton<IDatabaseSeeder, DemoSeeder>();
        services.AddHostedService<StartupReport>();
        return builder;
    }
}
