namespace Passport.Domain.Measurement;

/// <summary>
/// The logistic function and its logarithm, computed so that neither overflows nor loses all precision far
/// out in the tails (where long response histories push the likelihood).
/// </summary>
internal static class Logistic
{
    /// <summary>σ(z) = 1 / (1 + e^−z), evaluated with a non-positive exponent only.</summary>
    public static double Sigmoid(double z)
    {
        if (z >= 0)
        {
            return 1 / (1 + Math.Exp(-z));
        }

        var e = Math.Exp(z);
        return e / (1 + e);
    }

    /// <summary>ln σ(z) = −ln(1 + e^−z), without forming σ(z) first.</summary>
    public static double LogSigmoid(double z) => z >= 0 ? -Log1P(Math.Exp(-z)) : z - Log1P(Math.Exp(z));

    /// <summary>1 − e^−d for d ≥ 0, accurate also when d is tiny (thresholds very close together).</summary>
    public static double OneMinusExpNegative(double d) => d < 1e-5 ? d * (1 - (d / 2) + (d * d / 6)) : 1 - Math.Exp(-d);

    /// <summary>ln(1 + x) for x ≥ 0, accurate also for tiny x (the far tail of the logistic).</summary>
    private static double Log1P(double x) => x < 1e-5 ? x * (1 - (x / 2) + (x * x / 3)) : Math.Log(1 + x);
}
