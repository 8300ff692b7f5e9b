using Passport.Domain.Insights;

namespace Passport.Web.Insights.Pages;

/// <summary>
/// One scale for both series of a demand-supply chart: the longest bar is the largest count of either, so a bar of
/// 19 vacancies is always drawn shorter than one of 88 job seekers, and bars can be compared across rows and series.
/// </summary>
internal sealed record ChartScale(int Max, double Length)
{
    public static ChartScale For(IEnumerable<DemandSupply> rows, double length)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new(Math.Max(1, rows.Select(row => Math.Max(row.Vacancies, row.Supply.Count ?? 0)).DefaultIfEmpty().Max()), length);
    }

    /// <summary>The bar's length; a count above zero always shows at least a sliver, so a small bar is never taken for none.</summary>
    public double Of(int value) => value <= 0 ? 0 : Math.Max(3, Length * value / Max);
}
