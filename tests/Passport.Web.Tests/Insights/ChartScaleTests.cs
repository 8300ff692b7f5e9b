using Passport.Domain.Insights;
using Passport.Web.Insights.Pages;

namespace Passport.Web.Tests.Insights;

/// <summary>Both series of the demand-supply chart on one scale, so bar lengths compare across series.</summary>
public sealed class ChartScaleTests
{
    [Fact]
    public void Of_VacanciesAndJobSeekers_DrawsTheLargerCountLonger()
    {
        DemandSupply[] rows =
        [
            new("teamwork", 3, Vacancies: 19, TotalImportance: 40, PeopleCount.Of(88)),
            new("planning", 2, Vacancies: 3, TotalImportance: 6, PeopleCount.Of(12)),
        ];

        var scale = ChartScale.For(rows, 170);

        Assert.Equal(90, scale.Max);
        Assert.Equal(170, scale.Of(90));
        Assert.True(scale.Of(19) < scale.Of(90), "19 vacancies are shorter than 90 job seekers");
        Assert.True(scale.Of(3) < scale.Of(10));
        Assert.Equal(scale.Of(19) * 10 / 19, scale.Of(10), 6);
    }

    [Fact]
    public void Of_SmallOrNoCount_ShowsASliverOrNothing()
    {
        var scale = ChartScale.For([new DemandSupply("teamwork", 3, 500, 500, PeopleCount.Of(2))], 170);

        Assert.Equal(0, scale.Of(0));
        Assert.Equal(3, scale.Of(1));
    }

    [Fact]
    public void For_NoRows_HasAScaleOfOne()
    {
        Assert.Equal(1, ChartScale.For([], 170).Max);
    }
}
