namespace Passport.Domain.Measurement;

/// <summary>
/// A skill estimate on the theta scale, where the population is standard normal (0 is typical, ±1 is one
/// standard deviation). <see cref="StandardError"/> is the posterior standard deviation, so it shrinks as
/// <see cref="Evidence"/> (the number of responses the estimate rests on) grows.
/// </summary>
public sealed record AbilityEstimate(double Estimate, double StandardError, int Evidence)
{
    /// <summary>The population the estimator starts from: what is known about anyone before they answer.</summary>
    public static AbilityEstimate Prior { get; } = new(0, 1, 0);

    /// <summary>
    /// Theta values at which the next level starts. Equal one-SD-wide bands around the mean put roughly 7%, 24%,
    /// 38%, 24% and 7% of the population in levels 1 to 5, so the middle level is "typical".
    /// </summary>
    public static IReadOnlyList<double> LevelCutPoints { get; } = [-1.5, -0.5, 0.5, 1.5];

    public const int LowestLevel = 1;

    public const int HighestLevel = 5;

    /// <summary>The level 1–5 that the passport shows in words (see <see cref="LevelOf"/>).</summary>
    public int Level => LevelOf(Estimate);

    /// <summary>The level of a theta; a theta exactly on a cut point belongs to the higher level.</summary>
    public static int LevelOf(double theta)
    {
        var level = LowestLevel;
        foreach (var cut in LevelCutPoints)
        {
            if (theta >= cut)
            {
                level++;
            }
        }

        return level;
    }
}
