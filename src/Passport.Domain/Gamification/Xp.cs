namespace Passport.Domain.Gamification;

/// <summary>
/// Experience points. Every answer earns something, a better one earns more, and finishing a sprint earns a
/// bonus: effort is rewarded, so a hard sprint never feels like failing.
/// </summary>
public static class Xp
{
    public const int PerAnswer = 10;
    public const int ForBestAnswer = 10;
    public const int SprintCompleted = 50;

    public static int ForAnswer(int category, int categories) =>
        categories < 2 ? PerAnswer : PerAnswer + (int)Math.Round((double)ForBestAnswer * category / (categories - 1), MidpointRounding.AwayFromZero);
}
