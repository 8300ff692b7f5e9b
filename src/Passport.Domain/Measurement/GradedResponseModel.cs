using System.Globalization;
using System.Text;

namespace Passport.Domain.Measurement;

/// <summary>
/// Samejima's graded response model for items scored in ordered categories (partial credit, rank order, rating
/// scales): the chance of scoring k or higher is σ(a(θ − b_k)), and the chance of exactly k is the difference
/// of two neighbouring such curves. With one threshold it is the two-parameter logistic model.
/// </summary>
public sealed record GradedResponseModel(double Discrimination, IReadOnlyList<double> Thresholds) : IResponseModel
{
    // Validated in the init accessors too, so a `with` expression cannot produce an invalid item either. The
    // thresholds are copied so a caller changing its list afterwards cannot change the item.
    private readonly double _discrimination = ModelParameters.ValidDiscrimination(Discrimination, nameof(Discrimination));
    private readonly double[] _thresholds = ValidThresholds(Thresholds, nameof(Thresholds));

    /// <summary>a &gt; 0, shared by all category boundaries.</summary>
    public double Discrimination
    {
        get => _discrimination;
        init => _discrimination = ModelParameters.ValidDiscrimination(value, nameof(Discrimination));
    }

    /// <summary>b_1 &lt; … &lt; b_(K−1): the theta at which scoring k or higher becomes as likely as not.</summary>
    public IReadOnlyList<double> Thresholds
    {
        get => Array.AsReadOnly(_thresholds);
        init => _thresholds = ValidThresholds(value, nameof(Thresholds));
    }

    public int Categories => _thresholds.Length + 1;

    public double Probability(double theta, int category)
    {
        ModelParameters.CheckCategory(category, Categories);
        var last = _thresholds.Length;
        if (category == 0)
        {
            return Logistic.Sigmoid(-Discrimination * (theta - _thresholds[0]));
        }

        if (category == last)
        {
            return Logistic.Sigmoid(Discrimination * (theta - _thresholds[last - 1]));
        }

        // σ(x) − σ(y) with x > y, written as σ(x)·σ(−y)·(1 − e^(y−x)) so that it does not cancel to zero (or a
        // tiny negative) when both curves are close to 0 or to 1; the clamp only guards rounding.
        var x = Discrimination * (theta - _thresholds[category - 1]);
        var y = Discrimination * (theta - _thresholds[category]);
        var probability = Logistic.Sigmoid(x) * Logistic.Sigmoid(-y) * Logistic.OneMinusExpNegative(x - y);
        return Math.Clamp(probability, 0, 1);
    }

    public double LogProbability(double theta, int category)
    {
        ModelParameters.CheckCategory(category, Categories);
        var last = _thresholds.Length;
        if (category == 0)
        {
            return Logistic.LogSigmoid(-Discrimination * (theta - _thresholds[0]));
        }

        if (category == last)
        {
            return Logistic.LogSigmoid(Discrimination * (theta - _thresholds[last - 1]));
        }

        var x = Discrimination * (theta - _thresholds[category - 1]);
        var y = Discrimination * (theta - _thresholds[category]);
        return Logistic.LogSigmoid(x) + Logistic.LogSigmoid(-y) + Math.Log(Logistic.OneMinusExpNegative(x - y));
    }

    /// <summary>
    /// Σ_k (P_k′)² / P_k, where P_k′ = a·(P*_k·Q*_k − P*_(k+1)·Q*_(k+1)) and P*_k = σ(a(θ − b_k)) is the chance
    /// of scoring k or higher. Allocation-free: the selector evaluates this for every candidate on every answer.
    /// </summary>
    public double Information(double theta)
    {
        var information = 0.0;

        // Boundary below category 0: P* = 1, so its slope P*·Q* is 0.
        var lowerSlope = 0.0;
        for (var category = 0; category < Categories; category++)
        {
            var upperSlope = 0.0;
            if (category < _thresholds.Length)
            {
                var z = Discrimination * (theta - _thresholds[category]);
                upperSlope = Logistic.Sigmoid(z) * Logistic.Sigmoid(-z);
            }

            var probability = Probability(theta, category);
            if (probability > 0)
            {
                var derivative = Discrimination * (lowerSlope - upperSlope);
                information += derivative * derivative / probability;
            }

            lowerSlope = upperSlope;
        }

        return information;
    }

    /// <summary>Value equality over the thresholds' values, not the identity of the list that holds them.</summary>
    public bool Equals(GradedResponseModel? other) =>
        other is not null
        && Discrimination.Equals(other.Discrimination)
        && _thresholds.AsSpan().SequenceEqual(other._thresholds);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Discrimination);
        foreach (var threshold in _thresholds)
        {
            hash.Add(threshold);
        }

        return hash.ToHashCode();
    }

    /// <summary>Prints the thresholds themselves, so logs and test failures show which item is meant.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Discrimination = {Discrimination}, Thresholds = [");
        builder.AppendJoin(", ", _thresholds.Select(threshold => threshold.ToString(CultureInfo.InvariantCulture)));
        builder.Append(']');
        return true;
    }

    private static double[] ValidThresholds(IReadOnlyList<double> thresholds, string name)
    {
        if (thresholds is null || thresholds.Count == 0)
        {
            throw new ArgumentException("A graded response model needs at least one threshold.", name);
        }

        var copy = thresholds.ToArray();
        for (var index = 0; index < copy.Length; index++)
        {
            ModelParameters.ValidLocation(copy[index], name);
            if (index > 0 && copy[index] <= copy[index - 1])
            {
                throw new ArgumentException(
                    $"The thresholds must be strictly increasing; {copy[index].ToString(CultureInfo.InvariantCulture)} follows {copy[index - 1].ToString(CultureInfo.InvariantCulture)}.",
                    name);
            }
        }

        return copy;
    }
}
