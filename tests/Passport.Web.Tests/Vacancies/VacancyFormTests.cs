using Passport.Domain.Vacancies;
using Passport.Web.Pathways;
using Passport.Web.Shell;
using Passport.Web.Vacancies;

namespace Passport.Web.Tests.Vacancies;

/// <summary>The staff pages' forms read what people type the way the API reads JSON, and put each error beside its input.</summary>
public sealed class VacancyFormTests
{
    [Theory]
    [InlineData("51.44", 51.44)]
    [InlineData(" 51,44 ", 51.44)]
    [InlineData("-5", -5.0)]
    [InlineData("abc", null)]
    [InlineData("", null)]
    [InlineData("NaN", null)]
    public void DecimalOrNull_TypedText_ReadsPointOrCommaAndNothingElse(string typed, double? expected) =>
        Assert.Equal(expected, FormNumbers.DecimalOrNull(typed));

    [Fact]
    public void ToDraft_RowsAndLines_KeepsOnlyAskedSkillsAndSplitsEscoLinks()
    {
        var form = new VacancyForm
        {
            Title = "Cook",
            Place = "best",
            HoursPerWeek = "forty",
            Skills =
            [
                new() { SkillId = "teamwork", Importance = "3", MinimumLevel = "2" },
                new() { SkillId = "planning", Importance = "", MinimumLevel = "4" },
                new() { SkillId = "empathy", Importance = "1", MinimumLevel = "" },
            ],
            MustHaves = "Food hygiene certificate http://data.europa.eu/esco/skill/abc\n\n  Driving licence B  \nhttp://data.europa.eu/esco/skill/def",
        };

        var draft = form.ToDraft(new PickedPlace("Best", 51.5075, 5.39));

        Assert.Equal(new VacancyLocationDraft(51.5075, 5.39, "Best"), draft.Location);
        Assert.Null(draft.HoursPerWeek);
        Assert.Equal(["teamwork", "empathy"], draft.Skills!.Select(skill => skill!.SkillId));
        Assert.Null(draft.Skills![1]!.MinimumLevel);
        Assert.Equal(
            [("Food hygiene certificate", "http://data.europa.eu/esco/skill/abc"), ("Driving licence B", null), (null, "http://data.europa.eu/esco/skill/def")],
            draft.MustHaves!.Select(mustHave => (mustHave!.Label, mustHave.EscoUri)));
    }

    [Fact]
    public void ErrorsByInput_DomainPaths_LandOnTheRowsAndLinesTheyConcern()
    {
        var form = new VacancyForm
        {
            Skills = [new() { SkillId = "teamwork" }, new() { SkillId = "planning", Importance = "2" }],
            MustHaves = "A\nB",
        };
        var described = new Dictionary<string, string[]>
        {
            ["location.latitude"] = ["bad latitude"],
            ["skills[0].minimumLevel"] = ["bad level"],
            ["mustHaves[1].label"] = ["bad label"],
            ["mustHaves[1].escoUri"] = ["bad link"],
            ["hoursPerWeek"] = ["bad hours"],
        };

        var errors = form.ErrorsByInput(described, (line, message) => $"{line}: {message}");

        Assert.Equal(["bad latitude"], errors["place"]);
        Assert.Equal(["bad level"], errors["skill-planning-level"]);
        Assert.Equal(["2: bad label", "2: bad link"], errors["mustHaves"]);
        Assert.Equal(["bad hours"], errors["hoursPerWeek"]);
    }

    [Fact]
    public void PathwayErrorsByInput_BlankModuleRowsSkipped_ErrorsLandOnTheTypedRow()
    {
        var form = new PathwayForm
        {
            Modules = [new() { Title = "", Weeks = "" }, new() { Title = "Welding", Weeks = "99" }],
            Skills = [new() { SkillId = "teamwork", Gain = "3" }],
        };
        var request = form.ToRequest(null);
        Assert.Equal("Welding", Assert.Single(request.Modules!)!.Title);

        var errors = form.ErrorsByInput(new Dictionary<string, string[]>
        {
            ["modules[0].weeks"] = ["bad weeks"],
            ["gains[0].expectedGain"] = ["bad gain"],
            ["gains"] = ["duplicate"],
        });

        Assert.Equal(["bad weeks"], errors["module-1-weeks"]);
        Assert.Equal(["bad gain"], errors["skill-teamwork-gain"]);
        Assert.Equal(["duplicate"], errors["skills"]);
    }
}
