using System.Globalization;
using Microsoft.Extensions.Localization;
using Passport.Domain.Insights.Cohort;
using Passport.Domain.Skills;
using Passport.Web.Localization;

namespace Passport.Web.Insights.Pages;

/// <summary>The words for the ids of the knowledge base's rows and columns, in the reader's language.</summary>
public sealed class CohortLabels(IStringLocalizer<Texts> texts, SkillCatalog skills, LocalDates dates, string language)
{
    public string Row(string table, string key) => table switch
    {
        CohortCalculator.BarriersByDistrict => texts[$"Municipality.Barrier.{key}"],
        CohortCalculator.SkillLevels => skills.IsKnown(key) ? skills.Get(key).Name.In(language) : key,
        CohortCalculator.FlowsByMonth => DateOnly.TryParseExact($"{key}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? dates.Month(month) : key,
        CohortCalculator.OutcomesAfterPlanStart => texts[$"Municipality.Outcome.{key}"],
        CohortCalculator.MovedIntoWorkOrEducation => texts["Municipality.Moved.Row"],
        _ => District(key),
    };

    public string Column(string table, string key) => table switch
    {
        CohortCalculator.BarriersByDistrict => District(key),
        CohortCalculator.StatusByDistrict or CohortCalculator.OutcomesAfterPlanStart => texts[$"Municipality.Status.{key}"],
        _ => texts[$"Municipality.Column.{key}"],
    };

    private string District(string key) => key == CohortCalculator.Unknown ? texts["Municipality.District.Unknown"] : key;
}
