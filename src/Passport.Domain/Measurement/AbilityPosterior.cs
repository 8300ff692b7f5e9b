namespace Passport.Domain.Measurement;

/// <summary>
/// The posterior over one skill's theta, kept as log-likelihoods on a fixed quadrature grid. Responses are
/// conditionally independent given theta, so each one just adds its log-probability at every grid point: adding
/// an answer is O(grid) and allocation-free however many responses the passport already holds, and the order in
/// which responses arrive does not matter. Not thread-safe; each grain or session owns its own (see
/// <see cref="Clone"/>).
/// </summary>
public sealed class AbilityPosterior
{
    /// <summary>Points of the grid; 0.1 apart, which integrates posteriors as narrow as SE ≈ 0.1 accurately.</summary>
    public const int GridPoints = 81;

    /// <summary>
    /// The grid's range. Beyond ±4 the standard normal prior holds less than 0.01% of the population, so an
    /// estimate there would say nothing the passport could use.
    /// </summary>
    public const double GridMinimum = -4;

    public const double GridMaximum = 4;

    private static readonly double[] Grid = BuildGrid();

    // ln φ(θ) up to a constant, which cancels when the posterior is normalised.
    private static readonly double[] LogPrior = [.. Grid.Select(theta => -0.5 * theta * theta)];

    private readonly double[] _logLikelihood;
    private AbilityEstimate? _estimate;

    /// <summary>Starts from the prior: nothing is known yet.</summary>
    public AbilityPosterior()
    {
        _logLikelihood = new double[GridPoints];
    }

    public AbilityPosterior(IEnumerable<ItemResponse> responses)
        : this()
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var response in responses)
        {
            Add(response);
        }
    }

    private AbilityPosterior(AbilityPosterior source)
    {
        _logLikelihood = (double[])source._logLikelihood.Clone();
        Evidence = source.Evidence;
        _estimate = source._estimate;
    }

    /// <summary>The number of responses added.</summary>
    public int Evidence { get; private set; }

    public void Add(ItemResponse response)
    {
        var model = response.Model
            ?? throw new ArgumentNullException(nameof(response), "A response needs the item's response model.");
        if (response.Category < 0 || response.Category >= model.Categories)
        {
            throw new ArgumentOutOfRangeException(
                nameof(response), response.Category, $"The category must lie between 0 and {model.Categories - 1}.");
        }

        for (var point = 0; point < GridPoints; point++)
        {
            _logLikelihood[point] += model.LogProbability(Grid[point], response.Category);
        }

        Evidence++;
        _estimate = null;
    }

    /// <summary>
    /// The expected a posteriori (EAP) estimate and the posterior standard deviation as its standard error.
    /// EAP rather than maximum likelihood because it is finite for every response pattern, including all-wrong and
    /// all-top answers, which short sprints produce often. With no responses it is exactly
    /// <see cref="AbilityEstimate.Prior"/>, not the grid's slightly truncated version of it.
    /// </summary>
    public AbilityEstimate Estimate()
    {
        if (_estimate is not null)
        {
            return _estimate;
        }

        if (Evidence == 0)
        {
            return _estimate = AbilityEstimate.Prior;
        }

        // Subtract the largest log-posterior before exponentiating: after hundreds of responses the
        // log-likelihoods are far below what exp can represent, but their differences are not.
        var max = double.NegativeInfinity;
        for (var point = 0; point < GridPoints; point++)
        {
            max = Math.Max(max, LogPrior[point] + _logLikelihood[point]);
        }

        double weight = 0, first = 0, second = 0;
        for (var point = 0; point < GridPoints; point++)
        {
            var theta = Grid[point];
            var density = Math.Exp(LogPrior[point] + _logLikelihood[point] - max);
            weight += density;
            first += density * theta;
            second += density * theta * theta;
        }

        var mean = first / weight;
        var variance = Math.Max(0, (second / weight) - (mean * mean));
        return _estimate = new AbilityEstimate(mean, Math.Sqrt(variance), Evidence);
    }

    /// <summary>An independent copy, e.g. the passport's posterior for a session to add its own responses to.</summary>
    public AbilityPosterior Clone() => new(this);

    private static double[] BuildGrid()
    {
        var grid = new double[GridPoints];
        var step = (GridMaximum - GridMinimum) / (GridPoints - 1);
        for (var point = 0; point < GridPoints; point++)
        {
            grid[point] = GridMinimum + (point * step);
        }

        return grid;
    }
}
