namespace Passport.Domain.Plans;

/// <summary>A move of a step's lifecycle; the names in <see cref="PlanMoves"/> are part of the public API.</summary>
public enum PlanMove
{
    Agree,
    Decline,
    Start,
    Finish,
    Drop,
}

public static class PlanMoves
{
    /// <summary>The move's name in routes: <c>agree</c>, <c>decline</c>, <c>start</c>, <c>done</c>, <c>drop</c>.</summary>
    public static string Name(this PlanMove move) => move switch
    {
        PlanMove.Agree => "agree",
        PlanMove.Decline => "decline",
        PlanMove.Start => "start",
        PlanMove.Finish => "done",
        PlanMove.Drop => "drop",
        _ => throw new ArgumentOutOfRangeException(nameof(move), move, null),
    };

    public static bool TryParse(string? name, out PlanMove move)
    {
        foreach (var candidate in Enum.GetValues<PlanMove>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                move = candidate;
                return true;
            }
        }

        move = default;
        return false;
    }
}
