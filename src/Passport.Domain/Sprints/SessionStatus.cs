namespace Passport.Domain.Sprints;

/// <summary>Where a sprint session stands; stored by name, so never rename a member.</summary>
public enum SessionStatus
{
    Created,
    InProgress,
    Paused,
    Completed,
    Abandoned,
    Expired,
}
