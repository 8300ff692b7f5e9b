namespace Passport.Domain.Measurement;

/// <summary>
/// The two-parameter logistic model for right/wrong items: P(1 | θ) = σ(a(θ − b)). There is no 1.7 scaling
/// constant, so <see cref="Discrimination"/> is on the logistic metric; parameters taken from a normal-ogive
/// calibration must be multiplied by 1.7 first.
/// </summary>
public sealed record TwoParameterLogistic(double Discrimination, double Difficulty) : IResponseModel
{
    // Validated in the init accessors too, so a `with` expression cannot produce an invalid item either.
    private readonly double _discrimination = ModelParameters.ValidDiscrimination(Discrimination, nameof(Discrimination));
    private readonly double _difficulty = ModelParameters.ValidLocation(Difficulty, nameof(Difficulty));

    /// <summary>a &gt; 0: how sharply the chance of a right answer rises around the difficulty.</summary>
    public double Discrimination
    {
        get => _discrimination;
        init => _discrimination = ModelParameters.ValidDiscrimination(value, nameof(Discrimination));
    }

    /// <summary>b: the theta at which a right answer is as likely as a wrong one.</summary>
    public double Difficulty
    {
        get => _difficulty;
        init => _difficulty = ModelParameters.ValidLocation(value, nameof(Difficulty));
    }

    public int Categories => 2;

    public double Probability(double theta, int category)
    {
        ModelParameters.CheckCategory(category, Categories);
        var z = Discrimination * (theta - Difficulty);
        return Logistic.Sigmoid(category == 1 ? z : -z);
    }

    public double LogProbability(double theta, int category)
    {
        ModelParameters.CheckCategory(category, Categories);
        var z = Discrimination * (theta - Difficulty);
        return Logistic.LogSigmoid(category == 1 ? z : -z);
    }

    /// <summary>a²·P·(1 − P): highest, a²/4, where theta equals the difficulty.</summary>
    public double Information(double theta)
    {
        var z = Discrimination * (theta - Difficulty);
        return Discrimination * Discrimination * Logistic.Sigmoid(z) * Logistic.Sigmoid(-z);
    }
}
