using Microsoft.Extensions.Options;
using Passport.Data.Database;
using Passport.Data.Simulation;
using Passport.Domain.Experiences;
using Passport.Domain.Places;
using Passport.Domain.Sectors;
using Passport.Domain.Simulation;
using Passport.Domain.Skills;
using Passport.Domain.Sprints;

namespace Passport.Web.Demo;

/// <summary>
/// With <c>Seed:Demo</c> on, writes the simulated job seekers of the <c>candidates</c> object of
/// <c>content/demo/demo.json</c>, so the demo employers see ranked candidates for their vacancies and the education
/// insights have supply to show. They are demo accounts without a password, so nobody can sign in as them. Their ids
/// follow from the seed, so seeding again (every start) finds them and adds nothing. With demo seeding off, those
/// left from an earlier run stay: they cannot sign in, and removing them is erasing accounts, which is not a
/// seeder's job.
/// </summary>
public sealed class DemoCandidateSeeder(
    PassportDatabase database,
    DemoContent demo,
    IOptions<DemoOptions> options,
    SprintCatalog sprints,
    SkillCatalog skills,
    PlaceCatalog places,
    SectorCatalog sectors,
    TimeProvider time,
    ILogger<DemoCandidateSeeder> logger) : IDatabaseSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Demo || demo.Candidates is not { } candidates)
        {
            return;
        }

        Check(candidates);
        var generator = new SimulatedPassports(candidates.Seed, sprints, skills.All.Select(skill => skill.Id), candidates);
        var result = await new SimulatedPassportWriter(database, time)
            .WriteAsync(generator.People(candidates.Count), cancellationToken: cancellationToken);
        if (result.Written > 0)
        {
            logger.LogInformation("Created {Count} demo candidates ({Skipped} were there already)", result.Written, result.Skipped);
        }
    }

    /// <summary>A broken candidates object stops the host at start, naming what is wrong, as a broken demo vacancy does.</summary>
    private void Check(CandidateSimulationSettings candidates)
    {
        var problems = new List<string>();
        if (candidates.Count < 0)
        {
            problems.Add("count must not be negative");
        }

        problems.AddRange((candidates.Places ?? new Dictionary<string, double>()).Where(place => !places.IsKnown(place.Key) || place.Value <= 0)
            .Select(place => $"place '{place.Key}' must be a place id of content/places with a weight above 0"));
        problems.AddRange((candidates.Sectors ?? []).Where(sector => !sectors.IsKnown(sector)).Select(sector => $"sector '{sector}' is not in content/sectors"));
        problems.AddRange((candidates.Certificates ?? [])
            .Where(certificate => string.IsNullOrWhiteSpace(certificate.Label) || (certificate.EscoUri is { } uri && !ExperienceDraft.IsEscoUri(uri)))
            .Select(certificate => $"certificate '{certificate.Label}' needs a label and, if any, an ESCO URI"));
        if (candidates.Places is not { Count: > 0 } || candidates.Sectors is not { Count: > 0 })
        {
            problems.Add("places and sectors must not be empty");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"The candidates in content/demo/demo.json break the rules: {string.Join("; ", problems)}.");
        }
    }
}
