namespace Passport.Domain.Measurement;

/// <summary>
/// A Monte-Carlo run: how many simulated players, the seed that makes it reproducible, and the sprint's own
/// stopping settings so the comparison is about the sprint as authored.
/// </summary>
public sealed record SimulationOptions(int Respondents, int Seed, double TargetStandardError, int MaxItems, int Randomesque = 3);
