namespace Passport.Domain.Simulation;

/// <summary>
/// One simulated job seeker, made by <see cref="SimulatedPassports"/>: an account without a password, preferences,
/// completed sprint sessions with scored answers, and sometimes a certificate. Times are relative (how long ago), so
/// the same seed gives the same person whenever it is written.
/// </summary>
/// <param name="Index">Position in the seed's sequence, from 0.</param>
/// <param name="Id">The account id: fixed for the seed and index, so writing the same person twice finds them.</param>
/// <param name="Journey">Age, turning points, plan start and barriers, for the municipality's knowledge base.</param>
/// <param name="TrueAbilities">Ground truth on the theta scale per skill (every skill, measured or not); never stored.</param>
public sealed record SimulatedPerson(
    int Index,
    Guid Id,
    string DisplayName,
    string Email,
    IReadOnlyDictionary<string, double> TrueAbilities,
    int HoursPerWeek,
    IReadOnlyList<string> Sectors,
    string HomePlace,
    IReadOnlyList<SimulatedSession> Sessions,
    SimulatedExperience? Experience,
    SimulatedJourney? Journey = null)
{
    /// <summary>When the account was made: a day before the first sprint.</summary>
    public TimeSpan CreatedAgo => Sessions.Count == 0 ? TimeSpan.FromDays(1) : Sessions.Max(session => session.StartedAgo) + TimeSpan.FromDays(1);
}
