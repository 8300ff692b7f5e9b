using Passport.Domain.Vacancies;

namespace Passport.Domain.Tests.Vacancies;

public sealed class VacancyChangesTests
{
    private static readonly Vacancy Before = new(
        "Cook", "hospitality", new VacancyLocation(51.44, 5.47, "Eindhoven"), 32,
        [new VacancySkill("teamwork", 3, 3), new VacancySkill("planning", 1, 2)],
        [new MustHave("Food hygiene", null)]);

    [Fact]
    public void Between_TheSameVacancyRebuilt_IsEmpty() =>
        Assert.Empty(VacancyChanges.Between(Before, Before with { Skills = [.. Before.Skills], MustHaves = [.. Before.MustHaves] }));

    [Fact]
    public void Between_SeveralParts_NamesEachInTheOrderOfAll()
    {
        var after = Before with
        {
            HoursPerWeek = 24,
            Title = "Head cook",
            Location = Before.Location with { Place = "Best" },
            Skills = [Before.Skills[1], Before.Skills[0]],
        };

        Assert.Equal(["title", "location", "hoursPerWeek", "skills"], VacancyChanges.Between(Before, after));
    }

    [Fact]
    public void Between_OnlyAMustHavesLink_NamesMustHaves() =>
        Assert.Equal(["mustHaves"], VacancyChanges.Between(Before, Before with { MustHaves = [new MustHave("Food hygiene", "http://data.europa.eu/esco/skill/x")] }));

    [Theory]
    [InlineData(VacancyStatus.Draft, true)]
    [InlineData(VacancyStatus.Published, true)]
    [InlineData(VacancyStatus.Closed, false)]
    public void CanEdit_ByStatus_OnlyAClosedVacancyStaysAsItWas(VacancyStatus status, bool canEdit) =>
        Assert.Equal(canEdit, new VacancyLifecycle(() => status, _ => { }).CanEdit);
}
