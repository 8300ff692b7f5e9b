namespace Passport.Matching;

public static class Ndcg
{
    /// <summary>
    /// NDCG@k of one ranked list, with gain 2^label − 1 and log2 discount (LightGBM's definition); 1 when no
    /// item is relevant, so a vacancy nobody fits neither helps nor hurts a ranker.
    /// </summary>
    public static double At(int k, IReadOnlyList<float> scores, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException("One label per score.", nameof(labels));
        }

        // Ties broken by position so the figure is reproducible; scorers must not rely on it.
        var ranked = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Select(i => labels[i]);
        var ideal = labels.OrderDescending();
        var idealDcg = Dcg(k, ideal);
        return idealDcg <= 0 ? 1.0 : Dcg(k, ranked) / idealDcg;
    }

    private static double Dcg(int k, IEnumerable<int> labels) =>
        labels.Take(k).Select((label, i) => (Math.Pow(2, label) - 1) / Math.Log2(i + 2)).Sum();
}
