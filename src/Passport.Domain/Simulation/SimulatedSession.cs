namespace Passport.Domain.Simulation;

/// <summary>One completed sprint session; the responses are in the order they were answered.</summary>
public sealed record SimulatedSession(Guid Id, string SprintId, TimeSpan StartedAgo, IReadOnlyList<SimulatedResponse> Responses)
{
    /// <summary>Completed a little after the last answer.</summary>
    public TimeSpan CompletedAgo => StartedAgo - (Responses.Count == 0 ? TimeSpan.Zero : Responses[^1].AfterStart) - TimeSpan.FromSeconds(5);
}
