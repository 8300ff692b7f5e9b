namespace Passport.Domain.Measurement;

/// <summary>
/// Checks, before real players see a sprint, what adaptivity buys on its pool: simulated players with known
/// thetas take the sprint adaptively and in fixed (authoring) order under the same stopping rule, and the
/// estimates are compared with the truth. Both strategies meet the same players and, for any item both present,
/// the same answer (common random numbers), so the difference between them is the strategy, not the luck.
/// </summary>
public static class SprintSimulation
{
    public const string AdaptiveStrategy = "adaptive";

    public const string FixedOrderStrategy = "fixed-order";

    /// <summary>Fixed order, stopped after as many items as the adaptive session used for the same player.</summary>
    public const string FixedOrderSameLengthStrategy = "fixed-order-same-length";

    private static readonly IReadOnlySet<string> NothingSeen = new HashSet<string>(StringComparer.Ordinal);

    /// <param name="pool">The sprint's items in authoring (file) order, for one or more skills.</param>
    /// <param name="options">Players, seed, and the sprint's stopping settings.</param>
    public static SimulationComparison Compare(IReadOnlyList<CandidateItem> pool, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(options);
        if (pool.Count == 0)
        {
            throw new ArgumentException("The pool has no items.", nameof(pool));
        }

        if (options.Respondents < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Respondents, "Simulate at least one respondent.");
        }

        var selection = new SelectionOptions(options.TargetStandardError, options.MaxItems, options.Randomesque);
        var skills = pool.Select(item => item.SkillId).Distinct(StringComparer.Ordinal).ToArray();

        // One seeded stream for the players and their answers, one for the selector's randomesque draws, so
        // changing how often the selector draws does not change who the players are.
        var people = new Random(options.Seed);
        var selectorRandom = new Random(people.Next());

        var adaptive = new Tally();
        var fixedOrder = new Tally();
        var sameLength = new Tally();
        var truth = new Dictionary<string, double>(StringComparer.Ordinal);
        var draws = new double[pool.Count];
        for (var respondent = 0; respondent < options.Respondents; respondent++)
        {
            foreach (var skill in skills)
            {
                truth[skill] = ResponseSampling.StandardNormal(people);
            }

            for (var index = 0; index < draws.Length; index++)
            {
                draws[index] = people.NextDouble();
            }

            var adaptiveSession = RunSession(pool, skills, truth, draws, selection, selectorRandom, adaptive: true, length: null);
            adaptive.Add(adaptiveSession, truth, selection);
            fixedOrder.Add(RunSession(pool, skills, truth, draws, selection, selectorRandom, adaptive: false, length: null), truth, selection);
            sameLength.Add(RunSession(pool, skills, truth, draws, selection, selectorRandom, adaptive: false, length: adaptiveSession.Items), truth, selection);
        }

        return new SimulationComparison(
            adaptive.Result(AdaptiveStrategy, options.Respondents),
            fixedOrder.Result(FixedOrderStrategy, options.Respondents),
            sameLength.Result(FixedOrderSameLengthStrategy, options.Respondents));
    }

    /// <summary>One session for one player, exactly as the product runs it (a new player: no passport yet).</summary>
    private static Session RunSession(
        IReadOnlyList<CandidateItem> pool,
        string[] skills,
        Dictionary<string, double> truth,
        double[] draws,
        SelectionOptions selection,
        Random random,
        bool adaptive,
        int? length)
    {
        var posteriors = skills.ToDictionary(skill => skill, _ => new AbilityPosterior(), StringComparer.Ordinal);
        var estimates = skills.ToDictionary(skill => skill, _ => AbilityEstimate.Prior, StringComparer.Ordinal);
        var administered = new HashSet<string>(StringComparer.Ordinal);
        while (length is { } items ? administered.Count < items : !StoppingRule.ShouldStop(pool, administered, estimates, selection))
        {
            var next = adaptive
                ? AdaptiveItemSelector.SelectNext(pool, administered, NothingSeen, estimates, estimates, selection, random)
                : pool.FirstOrDefault(item => !administered.Contains(item.Id));
            if (next is null)
            {
                break;
            }

            var index = IndexOf(pool, next);
            administered.Add(next.Id);
            var category = ResponseSampling.Respond(next.Model, truth[next.SkillId], draws[index]);
            var posterior = posteriors[next.SkillId];
            posterior.Add(new ItemResponse(next.Model, category));
            estimates[next.SkillId] = posterior.Estimate();
        }

        return new Session(administered.Count, estimates);
    }

    private static int IndexOf(IReadOnlyList<CandidateItem> pool, CandidateItem item)
    {
        for (var index = 0; index < pool.Count; index++)
        {
            if (ReferenceEquals(pool[index], item))
            {
                return index;
            }
        }

        throw new InvalidOperationException($"Item '{item.Id}' is not in the pool.");
    }

    private sealed record Session(int Items, IReadOnlyDictionary<string, AbilityEstimate> Estimates);

    private sealed class Tally
    {
        private double _error;
        private double _squaredError;
        private double _standardError;
        private int _reached;
        private int _pairs;
        private long _items;

        public void Add(Session session, Dictionary<string, double> truth, SelectionOptions selection)
        {
            _items += session.Items;
            foreach (var (skill, estimate) in session.Estimates)
            {
                var error = estimate.Estimate - truth[skill];
                _error += error;
                _squaredError += error * error;
                _standardError += estimate.StandardError;
                _reached += estimate.Evidence > 0 && estimate.StandardError <= selection.TargetStandardError ? 1 : 0;
                _pairs++;
            }
        }

        public SimulationResult Result(string strategy, int respondents) =>
            new(
                strategy,
                respondents,
                _error / _pairs,
                Math.Sqrt(_squaredError / _pairs),
                (double)_items / respondents,
                (double)_reached / _pairs,
                _standardError / _pairs);
    }
}
