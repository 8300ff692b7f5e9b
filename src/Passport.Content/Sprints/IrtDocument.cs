namespace Passport.Content.Sprints;

internal sealed record IrtDocument(string Model, double A, IReadOnlyList<double> B)
{
    public const string TwoParameterLogistic = "2pl";

    public const string GradedResponse = "grm";

    /// <summary>K, the number of ordered score categories the model describes.</summary>
    public int Categories => Model == TwoParameterLogistic ? 2 : B.Count + 1;
}
