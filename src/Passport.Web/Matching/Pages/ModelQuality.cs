namespace Passport.Web.Matching.Pages;

/// <summary>
/// A ranking model's held-out NDCG@10 (0 to 1, higher is better) as a word people read; the number stays one click
/// away. The bands are coarse on purpose: the word says whether to look closer, the number is for who wants it.
/// </summary>
internal static class ModelQuality
{
    public const double VeryGoodFrom = 0.9;
    public const double GoodFrom = 0.7;
    public const double FairFrom = 0.5;

    public static string Of(double ndcg) => ndcg switch
    {
        >= VeryGoodFrom => "VeryGood",
        >= GoodFrom => "Good",
        >= FairFrom => "Fair",
        _ => "Weak",
    };
}
