namespace Passport.Grains.Sprints;

/// <summary>The result of a sprint command: a value, or the reason it was refused (the session is left as it was).</summary>
[GenerateSerializer, Immutable]
public sealed record SprintOutcome<T>(
    [property: Id(0)] SprintError Error,
    [property: Id(1)] T? Value,
    [property: Id(2)] int RetryAfterSeconds = 0)
{
    public bool Succeeded => Error == SprintError.None;
}

public static class SprintOutcome
{
    public static SprintOutcome<T> Success<T>(T value) => new(SprintError.None, value);

    public static SprintOutcome<T> Refused<T>(SprintError error, int retryAfterSeconds = 0) => new(error, default, retryAfterSeconds);
}
