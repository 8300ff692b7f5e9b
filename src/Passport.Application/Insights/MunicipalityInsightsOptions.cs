using Microsoft.Extensions.Options;
using Passport.Domain.Insights.Cohort;

namespace Passport.Application.Insights;

/// <summary>
/// Configuration section <c>MunicipalityInsights</c>: what the knowledge base counts a young person out of work or
/// education as costing per year, and in work or education, for its value estimate (docs/operations.md; the formula
/// is <see cref="ValueEstimate"/>'s).
/// </summary>
public sealed class MunicipalityInsightsOptions
{
    public const string SectionName = "MunicipalityInsights";

    /// <summary>A year of a young person neither at school nor in work (benefits, services), to the municipality.</summary>
    public decimal YearlyCostOutOfWork { get; set; } = 20000m;

    /// <summary>A year of a young person in work (support that goes on); usually nothing.</summary>
    public decimal YearlyCostInWork { get; set; }

    /// <summary>A year of a young person back in education (study support, guidance).</summary>
    public decimal YearlyCostInEducation { get; set; } = 8000m;

    /// <summary>Over how many years a move is counted.</summary>
    public int HorizonYears { get; set; } = 1;

    /// <summary>The ISO 4217 code the costs are in, shown with the value.</summary>
    public string Currency { get; set; } = "EUR";

    public ValueInputs Inputs() => new(YearlyCostOutOfWork, YearlyCostInWork, YearlyCostInEducation, HorizonYears, Currency);
}

public sealed class MunicipalityInsightsOptionsValidator : IValidateOptions<MunicipalityInsightsOptions>
{
    public ValidateOptionsResult Validate(string? name, MunicipalityInsightsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.YearlyCostOutOfWork < 0 || options.YearlyCostInWork < 0 || options.YearlyCostInEducation < 0)
        {
            failures.Add("MunicipalityInsights:YearlyCostOutOfWork, YearlyCostInWork and YearlyCostInEducation must not be negative.");
        }

        if (options.YearlyCostInWork > options.YearlyCostOutOfWork || options.YearlyCostInEducation > options.YearlyCostOutOfWork)
        {
            failures.Add("MunicipalityInsights:YearlyCostInWork and YearlyCostInEducation must not exceed YearlyCostOutOfWork: a move into work or education would then count as a loss.");
        }

        if (options.HorizonYears is < 1 or > 40)
        {
            failures.Add("MunicipalityInsights:HorizonYears must be 1 to 40.");
        }

        if (options.Currency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
        {
            failures.Add("MunicipalityInsights:Currency must be a three-letter ISO 4217 code such as EUR or NOK.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
