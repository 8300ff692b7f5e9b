using Microsoft.Extensions.Options;
using Passport.Content;
using Passport.Data.Database;
using Passport.Domain.Skills;
using Passport.Domain.Sprints;
using Passport.Web.Demo;
using Passport.Web.Places;
using Passport.Web.Sectors;

namespace Passport.Web.Hosting;

public static class ContentHostingExtensions
{
    /// <summary>Problems named in the start-up message; the rest are counted (the CLI's validate lists them all).</summary>
    private const int ListedProblems = 10;

    /// <summary>
    /// The <c>content/</c> folder (sectors, places, demo data, the skills framework and the sprints) and the demo seeding
    /// that reads it.
    /// </summary>
    public static IHostApplicationBuilder AddPassportContent(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.SectionName)
            .Validate(options => Directory.Exists(options.Path), "Content:Path does not name an existing folder.")
            .ValidateOnStart();
        services.AddSingleton(provider => SectorCatalogLoader.Load(provider.GetRequiredService<IOptions<ContentOptions>>().Value));
        services.AddSingleton(provider => PlaceCatalogLoader.Load(provider.GetRequiredService<IOptions<ContentOptions>>().Value));
        // Read once: by the seeder at start, then by the start-up report.
        services.AddSingleton(provider => DemoContent.Load(provider.GetRequiredService<IOptions<ContentOptions>>().Value));

        // Skills and sprints are read and checked together, once, because the sprints refer to the skills.
        services.AddSingleton(provider => LoadSkillsAndSprints(provider.GetRequiredService<IOptions<ContentOptions>>().Value));
        services.AddSingleton(provider => provider.GetRequiredService<ContentLoadResult>().Skills!);
        services.AddSingleton(provider => provider.GetRequiredService<ContentLoadResult>().Sprints!);
        services.AddHostedService<ContentCheck>();

        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
        services.AddSingleton<IDatabaseSeeder, DemoSeeder>();
        services.AddSingleton<IDatabaseSeeder, DemoCandidateSeeder>();
        services.AddSingleton<IDatabaseSeeder, DemoJourneySeeder>();
        services.AddHostedService<StartupReport>();
        return builder;
    }

    private static ContentLoadResult LoadSkillsAndSprints(ContentOptions content)
    {
        var result = ContentLoader.Load(content.Path);
        if (result.IsValid)
        {
            return result;
        }

        // One line, like every start-up failure; the CLI lists every problem for the author.
        var listed = string.Join("; ", result.Problems.Take(ListedProblems));
        var more = result.Problems.Count > ListedProblems ? $"; and {result.Problems.Count - ListedProblems} more" : string.Empty;
        throw new InvalidDataException(
            $"Content in {content.Path} has {result.Problems.Count} problem(s), listed in full by `dotnet run --project src/Passport.Cli -- validate --content {content.Path}`: {listed}{more}");
    }

    /// <summary>
    /// Resolves the skills and sprints while the host starts, so a broken content folder stops it then rather than
    /// failing the first request or grain that needs them. Hosted services are created before any of them starts,
    /// so this runs before the database is migrated and the silo joins its cluster.
    /// </summary>
    private sealed class ContentCheck : IHostedService
    {
        // Taking the catalogues is the check: creating them reads and validates content/.
        public ContentCheck(SkillCatalog skills, SprintCatalog sprints)
        {
            ArgumentNullException.ThrowIfNull(skills);
            ArgumentNullException.ThrowIfNull(sprints);
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
