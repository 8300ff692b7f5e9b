using System.Globalization;
using System.Text;
using Passport.Application.Insights;
using Passport.Domain.Insights.Cohort;
using Passport.Web.Accounts;

namespace Passport.Web.Insights;

/// <summary>
/// <c>/api/municipality/insights</c>: the municipality's knowledge base over everyone in the deployment, for the
/// coaches of a municipality (the Coach role is only ever a municipality's). Only protected counts leave it, never a
/// person: every count of one to four is hidden, and so is whatever would give a hidden count away (docs/journeys.md).
/// The CSV holds the same figures, one per line.
/// </summary>
public static class MunicipalityInsightsApi
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapMunicipalityInsightsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/municipality").WithTags("Municipality insights").RequireAuthorization(Policies.Coach);
        group.MapGet("/insights", GetAsync).WithSummary("The cohort dashboard: protected counts by district, status, age, barrier, skill level, month, outcome and hand-over");
        group.MapGet("/insights.csv", CsvAsync).WithSummary("The same protected counts as CSV: table, row, column, count (x where hidden)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        return endpoints;
    }

    private static async Task<Ok<MunicipalityInsightsResponse>> GetAsync(HttpContext context, MunicipalityInsightsService insights) =>
        TypedResults.Ok(MunicipalityInsightsResponse.From(await insights.ComputeAsync(context.RequestAborted)));

    private static async Task<FileContentHttpResult> CsvAsync(HttpContext context, MunicipalityInsightsService insights)
    {
        var computed = await insights.ComputeAsync(context.RequestAborted);
        return TypedResults.File(Encoding.UTF8.GetBytes(Csv(computed)), CsvContentType, $"municipality-insights-{computed.On:yyyy-MM-dd}.csv");
    }

    /// <summary>Every figure of every table, totals as row or column <c>total</c>; a hidden figure is <c>x</c>.</summary>
    public static string Csv(CohortInsights insights)
    {
        ArgumentNullException.ThrowIfNull(insights);
        var csv = new StringBuilder("table,row,column,count\r\n");
        void Line(string table, string row, string column, int? count) =>
            csv.Append(Field(table)).Append(',').Append(Field(row)).Append(',').Append(Field(column)).Append(',')
                .Append(count?.ToString(CultureInfo.InvariantCulture) ?? "x").Append("\r\n");

        foreach (var table in insights.Tables)
        {
            for (var row = 0; row < table.Rows.Count; row++)
            {
                for (var column = 0; column < table.Columns.Count; column++)
                {
                    Line(table.Id, table.Rows[row], table.Columns[column], table.Cells[row][column]);
                }

                if (table.RowTotals is { } rowTotals)
                {
                    Line(table.Id, table.Rows[row], "total", rowTotals[row]);
                }
            }

            for (var column = 0; column < (table.ColumnTotals?.Count ?? 0); column++)
            {
                Line(table.Id, "total", table.Columns[column], table.ColumnTotals![column]);
            }

            if (table.HasGrandTotal)
            {
                Line(table.Id, "total", "total", table.GrandTotal);
            }
        }

        return csv.ToString();
    }

    /// <summary>
    /// Quoted when it holds a comma, quote or line break (RFC 4180); a leading = + - @ is escaped with a quote mark so
    /// a spreadsheet never runs a district's name as a formula.
    /// </summary>
    private static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}

public sealed record ProtectedTableResponse(
    string Id, IReadOnlyList<string> Rows, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<int?>> Cells,
    IReadOnlyList<int?>? RowTotals, IReadOnlyList<int?>? ColumnTotals, bool HasGrandTotal, int? GrandTotal)
{
    public static ProtectedTableResponse From(ProtectedTable table) =>
        new(table.Id, table.Rows, table.Columns, table.Cells, table.RowTotals, table.ColumnTotals, table.HasGrandTotal, table.GrandTotal);
}

public sealed record ValueEstimateResponse(
    string Currency, decimal YearlyCostOutOfWork, decimal YearlyCostInWork, decimal YearlyCostInEducation, int HorizonYears,
    int? MovedIntoWork, int? MovedIntoEducation, decimal Value, bool IsLowerBound);

/// <summary>
/// The knowledge base: <c>tables</c> hold counts of people (null where hidden); <c>outcomes</c> the share in work or
/// education n months after a plan started (null when a figure it needs is hidden); <c>value</c> the estimate and
/// every input of its formula.
/// </summary>
public sealed record MunicipalityInsightsResponse(
    DateOnly On, int Threshold, IReadOnlyList<ProtectedTableResponse> Tables, IReadOnlyList<OutcomeShare> Outcomes, ValueEstimateResponse Value)
{
    public static MunicipalityInsightsResponse From(CohortInsights insights)
    {
        ArgumentNullException.ThrowIfNull(insights);
        var value = insights.Value;
        var inputs = value.Inputs;
        return new(
            insights.On,
            DisclosureControl.Threshold,
            [.. insights.Tables.Select(ProtectedTableResponse.From)],
            insights.Outcomes,
            new ValueEstimateResponse(
                inputs.Currency, inputs.YearlyCostOutOfWork, inputs.YearlyCostInWork, inputs.YearlyCostInEducation, inputs.HorizonYears,
                value.MovedIntoWork, value.MovedIntoEducation, value.Value, value.IsLowerBound));
    }
}
