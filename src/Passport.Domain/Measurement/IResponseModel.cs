namespace Passport.Domain.Measurement;

/// <summary>
/// How the chance of each ordered score category of an item depends on the player's level (theta). The
/// estimator and the adaptive selector only need these three numbers, so new item types plug in here.
/// </summary>
public interface IResponseModel
{
    /// <summary>The number of ordered categories; scores run from 0 to <c>Categories − 1</c>.</summary>
    int Categories { get; }

    /// <summary>P(category | theta); over all categories these sum to 1.</summary>
    double Probability(double theta, int category);

    /// <summary>
    /// Fisher information at theta: how much one answer to this item is expected to sharpen an estimate there,
    /// which is what the adaptive selector maximises.
    /// </summary>
    double Information(double theta);

    /// <summary>
    /// ln P(category | theta). The posterior sums these over every response a player ever gave, so a model that
    /// can compute it directly in log space should, to stay exact where the probability itself underflows.
    /// </summary>
    double LogProbability(double theta, int category) =>
        Math.Log(Math.Max(Probability(theta, category), double.Epsilon));
}
