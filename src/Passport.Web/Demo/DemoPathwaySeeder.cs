using System.Globalization;
using Microsoft.Extensions.Options;
using Passport.Data.Database;
using Passport.Data.Pathways;
using Passport.Domain.Skills;
using Passport.Grains.Pathways;

namespace Passport.Web.Demo;

/// <summary>
/// With <c>Seed:Demo</c> on, creates the demo pathways of <c>content/demo/pathways.json</c> that are missing.
/// Registered after <see cref="DemoSeeder"/>, whose organisations the pathways belong to. A pathway that exists is
/// left as it is, so edits made while trying the demo survive a restart.
/// </summary>
public sealed class DemoPathwaySeeder(
    PathwayRepository pathways,
    IOptions<DemoOptions> options,
    IOptions<Hosting.ContentOptions> content,
    SkillCatalog skills,
    TimeProvider time,
    ILogger<DemoPathwaySeeder> logger) : IDatabaseSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Demo)
        {
            return;
        }

        var demo = DemoPathways.Load(content.Value);
        var now = time.GetUtcNow();
        var created = 0;
        foreach (var pathway in demo.Pathways)
        {
            var errors = pathway.ToDomain().Validate(skills);
            if (!errors.IsValid)
            {
                var broken = string.Join(", ", errors.Errors.Select(error => string.Create(CultureInfo.InvariantCulture, $"{error.Field} {error.Code}")));
                throw new InvalidDataException($"Demo pathway {pathway.Id} in content/demo/pathways.json breaks the rules: {broken}");
            }

            var view = new PathwayView(pathway.Id, pathway.Provider, "", pathway.Status, PathwayContent.From(pathway.ToDomain()), now, now);
            if (await pathways.CreateAsync(PathwayRows.ToStored(view), cancellationToken))
            {
                created++;
            }
        }

        if (created > 0)
        {
            logger.LogInformation("Created {Count} demo pathways", created);
        }
    }
}
