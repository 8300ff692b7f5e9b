using Passport.Domain.Journeys;
using Passport.Domain.Plans;

namespace Passport.Domain.Simulation;

/// <summary>A simulated turning point: what, and how long ago.</summary>
public sealed record SimulatedTurn(TimeSpan Ago, JourneyEventKind Kind);

/// <summary>
/// What the municipality's knowledge base counts of a simulated young person: their age, turning points over the last
/// two years, when their plan started (if they have one) and the barriers and needs on it. Relative times, like the
/// rest of the simulated person.
/// </summary>
public sealed record SimulatedJourney(int Age, IReadOnlyList<SimulatedTurn> Turns, TimeSpan? PlanStartedAgo, IReadOnlyList<string> Barriers)
{
    public const int YoungestAge = 16;
    public const int OldestAge = 29;
    public const double PlanShare = 0.65;
    public const double BarrierShare = 0.5;

    /// <summary>
    /// A journey from its own random stream: a start (school mostly, some work or benefits, some nothing recorded)
    /// about two years ago, then up to three changes, each picked from where the person stands.
    /// </summary>
    public static SimulatedJourney Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var age = YoungestAge + random.Next(OldestAge - YoungestAge + 1);
        var turns = new List<SimulatedTurn>();
        var ago = TimeSpan.FromDays(700 + random.Next(30));
        var start = random.NextDouble() switch
        {
            < 0.6 => JourneyEventKind.StartedSchool,
            < 0.75 => JourneyEventKind.StartedWork,
            < 0.85 => JourneyEventKind.StartedBenefits,
            _ => (JourneyEventKind?)null,
        };
        if (start is { } first)
        {
            turns.Add(new SimulatedTurn(ago, first));
            var changes = random.Next(4);
            for (var change = 0; change < changes && ago > TimeSpan.FromDays(20); change++)
            {
                ago -= TimeSpan.FromDays(10 + random.Next((int)Math.Max(11, ago.TotalDays / 2)));
                turns.Add(new SimulatedTurn(ago, Next(JourneyStatuses.After(turns.Select(turn => turn.Kind)), random)));
            }
        }

        TimeSpan? plan = random.NextDouble() < PlanShare ? TimeSpan.FromDays(30 + random.Next(510)) : null;
        var barriers = Array.Empty<string>();
        if (random.NextDouble() < BarrierShare)
        {
            var all = PlanBarriers.All.ToArray();
            random.Shuffle(all);
            barriers = [.. all.Take(1 + random.Next(3))];
        }

        return new SimulatedJourney(age, turns, plan, barriers);
    }

    private static JourneyEventKind Next(JourneyStatus status, Random random) => status switch
    {
        JourneyStatus.School => random.NextDouble() < 0.8 ? JourneyEventKind.LeftSchool : JourneyEventKind.StartedInternship,
        JourneyStatus.Work => random.NextDouble() < 0.7 ? JourneyEventKind.LeftWork : JourneyEventKind.StartedSchool,
        JourneyStatus.Activity => random.NextDouble() < 0.5 ? JourneyEventKind.EndedBenefits : JourneyEventKind.StartedWork,
        _ => random.NextDouble() switch
        {
            < 0.35 => JourneyEventKind.StartedWork,
            < 0.6 => JourneyEventKind.StartedSchool,
            < 0.75 => JourneyEventKind.StartedInternship,
            < 0.9 => JourneyEventKind.StartedBenefits,
            _ => JourneyEventKind.StartedCare,
        },
    };
}
