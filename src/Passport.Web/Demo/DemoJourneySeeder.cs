using Microsoft.Extensions.Options;
using Passport.Data.Database;
using Passport.Data.Journeys;
using Passport.Domain.Journeys;

namespace Passport.Web.Demo;

/// <summary>
/// With <c>Seed:Demo</c> on, gives the demo young person (<c>youth@demo.test</c>) and a few simulated demo candidates
/// turning points on their journey, dated back from today, each recorded by the young person themself. A person who
/// has any turning point already is left alone, so restarts add nothing. Runs after the accounts and candidates are
/// seeded (registered after them).
/// </summary>
public sealed class DemoJourneySeeder(
    JourneyRepository journeys, DemoContent demo, IOptions<DemoOptions> options, TimeProvider time, ILogger<DemoJourneySeeder> logger) : IDatabaseSeeder
{
    private const int SimulatedPeople = 6;

    /// <summary>Sam's way so far: out of school, their own room, benefits, and an internship at a bike shop.</summary>
    private static readonly (JourneyEventKind Kind, int DaysAgo, string? Note)[] Youth =
    [
        (JourneyEventKind.LeftSchool, 300, "Stopped my course: it was not for me."),
        (JourneyEventKind.Moved, 210, "My own room in Eindhoven."),
        (JourneyEventKind.StartedBenefits, 180, null),
        (JourneyEventKind.StartedInternship, 35, "Two days a week at a bike shop."),
    ];

    /// <summary>The simulated candidates' ways, taken in turn.</summary>
    private static readonly (JourneyEventKind Kind, int DaysAgo, string? Note)[][] Others =
    [
        [(JourneyEventKind.LeftSchool, 400, null), (JourneyEventKind.StartedWork, 120, "Warehouse, 24 hours a week.")],
        [(JourneyEventKind.StartedSchool, 250, null)],
        [(JourneyEventKind.LeftWork, 90, null), (JourneyEventKind.StartedCare, 60, null)],
        [(JourneyEventKind.LeftSchool, 150, null)],
        [(JourneyEventKind.EndedInternship, 200, null), (JourneyEventKind.Moved, 100, null), (JourneyEventKind.StartedBenefits, 80, null)],
        [(JourneyEventKind.StartedInternship, 40, null)],
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Demo)
        {
            return;
        }

        var people = new List<(Guid Id, string Name, (JourneyEventKind, int, string?)[] Points)>();
        if (demo.Accounts.SingleOrDefault(account => account.Email == DemoPlanSeeder.YouthEmail) is { } youth)
        {
            people.Add((youth.Id, youth.DisplayName, Youth));
        }

        var simulated = await journeys.SimulatedPeopleAsync(SimulatedPeople, cancellationToken);
        people.AddRange(simulated.Select((person, index) => (person.Id, person.Name, Others[index % Others.Length])));
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var written = 0;
        foreach (var (id, name, points) in people)
        {
            if (await journeys.HasAnyAsync(id, cancellationToken))
            {
                continue;
            }

            foreach (var (kind, daysAgo, note) in points)
            {
                await journeys.AddAsync(new NewTurningPoint(Guid.CreateVersion7(now), id, kind, today.AddDays(-daysAgo), note, id, name, null, now), cancellationToken);
            }

            written++;
        }

        if (written > 0)
        {
            logger.LogInformation("Gave {Count} demo young people turning points on their journey", written);
        }
    }
}
