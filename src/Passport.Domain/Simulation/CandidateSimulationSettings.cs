namespace Passport.Domain.Simulation;

/// <summary>
/// What simulated candidates look like beyond their skills: where they live, which sectors interest them and which
/// certificates some of them hold. The <c>candidates</c> object of <c>content/demo/demo.json</c>; the CLI's
/// <c>seed-candidates</c> reads the same object and takes its own count and seed.
/// </summary>
/// <param name="Count">How many demo candidates the demo seeding makes.</param>
/// <param name="Seed">The seed of the demo candidates; the same seed makes the same people with the same ids.</param>
/// <param name="Places">Place ids (content/places) with a relative weight: how often candidates live there.</param>
/// <param name="Sectors">Sector ids (content/sectors) candidates pick one to three of, all equally likely.</param>
/// <param name="Certificates">Certificates a share of the candidates list as an education experience.</param>
public sealed record CandidateSimulationSettings(
    int Count,
    int Seed,
    IReadOnlyDictionary<string, double> Places,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<SimulatedCertificate> Certificates);
