using Passport.Domain.Measurement;

namespace Passport.Domain.Tests.Measurement;

internal static class MeasurementTestData
{
    public static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Thetas from −4 to 4 in steps of 0.25, beyond the estimation grid on purpose.</summary>
    public static IEnumerable<double> ThetaRange() => Enumerable.Range(-20, 41).Select(step => step * 0.25);

    /// <summary>
    /// Ten items per skill in authoring order, skill by skill, with difficulties spread evenly from −2 to 2;
    /// even positions are 2PL, odd ones four-category GRM centred on the same difficulty.
    /// </summary>
    public static IReadOnlyList<CandidateItem> SyntheticPool(params string[] skills)
    {
        var pool = new List<CandidateItem>();
        foreach (var skill in skills)
        {
            for (var index = 0; index < 10; index++)
            {
                var difficulty = -2.0 + (4.0 * index / 9);
                IResponseModel model = index % 2 == 0
                    ? new TwoParameterLogistic(2.0, difficulty)
                    : new GradedResponseModel(1.8, [difficulty - 0.7, difficulty, difficulty + 0.7]);
                pool.Add(new CandidateItem($"{skill}-{index:00}", skill, model));
            }
        }

        return pool;
    }

    /// <summary>A response drawn from the model at a known theta, by inverting its cumulative distribution.</summary>
    public static int Respond(IResponseModel model, double theta, Random random)
    {
        var uniform = random.NextDouble();
        var cumulative = 0.0;
        for (var category = 0; category < model.Categories - 1; category++)
        {
            cumulative += model.Probability(theta, category);
            if (uniform < cumulative)
            {
                return category;
            }
        }

        return model.Categories - 1;
    }

    public static Dictionary<string, AbilityEstimate> Estimates(params (string Skill, AbilityEstimate Estimate)[] estimates) =>
        estimates.ToDictionary(pair => pair.Skill, pair => pair.Estimate, StringComparer.Ordinal);

    public static HashSet<string> Ids(params string[] ids) => new(ids, StringComparer.Ordinal);

    public static CandidateItem Item(string id, string skill, double difficulty, double discrimination = 1.5) =>
        new(id, skill, new TwoParameterLogistic(discrimination, difficulty));
}
