namespace Passport.Domain.Measurement;

/// <summary>Draws for simulated players: a standard normal ability and a scored category at a known ability.</summary>
internal static class ResponseSampling
{
    /// <summary>Inverse-CDF draw of a category: the first whose cumulative probability reaches the uniform draw.</summary>
    public static int Respond(IResponseModel model, double theta, double uniform)
    {
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

    /// <summary>Box–Muller; 1 − u keeps the logarithm away from 0.</summary>
    public static double StandardNormal(Random random)
    {
        var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
        return radius * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
