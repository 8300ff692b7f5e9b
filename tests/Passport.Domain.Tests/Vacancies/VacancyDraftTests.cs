using Passport.Domain.Localization;
using Passport.Domain.Sectors;
using Passport.Domain.Skills;
using Passport.Domain.Vacancies;

namespace Passport.Domain.Tests.Vacancies;

public sealed class VacancyDraftTests
{
    private static readonly SkillCatalog Skills = new(new[] { "teamwork", "planning", "reliability" }.Select(id => new Skill(
        id,
        new Uri($"http://data.europa.eu/esco/skill/{id}"),
        Text(id),
        Text(id),
        [.. Enumerable.Range(1, 5).Select(level => Text($"{level}"))],
        [.. Enumerable.Range(1, 5).Select(_ => new SkillFeedback(Text("s"), Text("t")))])));

    private static readonly SectorCatalog Sectors = new(new[] { "logistics", "healthcare" }.Select(id =>
        new Sector(id, new Dictionary<string, string> { ["en"] = id, ["nl"] = id, ["da"] = id, ["nb"] = id })));

    private static LocalizedText Text(string text) =>
        new(new Dictionary<string, string> { ["en"] = text, ["nl"] = text, ["da"] = text, ["nb"] = text });

    private static VacancyDraft Valid() => new(
        " Order picker ",
        "logistics",
        new VacancyLocationDraft(51.4793, 5.657, " Helmond "),
        32,
        [new VacancySkillDraft("reliability", 3, 3), new VacancySkillDraft("teamwork", 0, 1)],
        [new MustHaveDraft(" Forklift certificate ", " "), new MustHaveDraft("Driving licence B", "http://data.europa.eu/esco/skill/abc")]);

    private static List<(string Field, string Code)> Errors(VacancyDraft draft) =>
        [.. draft.Validate(Sectors, Skills).Errors.Select(error => (error.Field, error.Code))];

    [Fact]
    public void Validate_ValidDraft_HasNoErrorsAndTrimsTexts()
    {
        var draft = Valid();

        Assert.True(draft.Validate(Sectors, Skills).IsValid);
        var vacancy = draft.ToVacancy();
        Assert.Equal("Order picker", vacancy.Title);
        Assert.Equal("Helmond", vacancy.Location.Place);
        Assert.Equal(new VacancySkill("reliability", 3, 3), vacancy.Skills[0]);
        Assert.Equal(new MustHave("Forklift certificate", null), vacancy.MustHaves[0]);
        Assert.Equal("http://data.europa.eu/esco/skill/abc", vacancy.MustHaves[1].EscoUri);
    }

    [Theory]
    [InlineData(null, "Vacancy.Title.Required")]
    [InlineData("  ", "Vacancy.Title.Required")]
    [InlineData("x121", "Vacancy.Title.TooLong")]
    public void Validate_BadTitle_NamesTitle(string? title, string code) =>
        Assert.Equal([("title", code)], Errors(Valid() with { Title = title == "x121" ? new string('x', 121) : title }));

    [Fact]
    public void Validate_TitleOf120Characters_IsAccepted() =>
        Assert.Empty(Errors(Valid() with { Title = new string('x', 120) }));

    [Theory]
    [InlineData(null, "Vacancy.Sector.Required")]
    [InlineData("space-travel", "Vacancy.Sector.Unknown")]
    public void Validate_BadSector_NamesSector(string? sector, string code) =>
        Assert.Equal([("sector", code)], Errors(Valid() with { Sector = sector }));

    [Fact]
    public void Validate_NoLocation_NamesLocation() =>
        Assert.Equal([("location", "Vacancy.Location.Required")], Errors(Valid() with { Location = null }));

    [Theory]
    [InlineData(200.0)]
    [InlineData(-90.5)]
    [InlineData(null)]
    public void Validate_LatitudeOutOfRange_NamesLatitude(double? latitude) =>
        Assert.Equal([("location.latitude", "Vacancy.Latitude.OutOfRange")], Errors(Valid() with { Location = new VacancyLocationDraft(latitude, 5.6, "Helmond") }));

    [Theory]
    [InlineData(180.01)]
    [InlineData(-181.0)]
    public void Validate_LongitudeOutOfRange_NamesLongitude(double longitude) =>
        Assert.Equal([("location.longitude", "Vacancy.Longitude.OutOfRange")], Errors(Valid() with { Location = new VacancyLocationDraft(51.4, longitude, "Helmond") }));

    [Fact]
    public void Validate_EdgesOfTheGlobe_AreAccepted() =>
        Assert.Empty(Errors(Valid() with { Location = new VacancyLocationDraft(-90, 180, "South Pole") }));

    [Fact]
    public void Validate_BadPlace_NamesPlace()
    {
        Assert.Equal([("location.place", "Vacancy.Place.Required")], Errors(Valid() with { Location = new VacancyLocationDraft(51.4, 5.6, " ") }));
        Assert.Equal([("location.place", "Vacancy.Place.TooLong")], Errors(Valid() with { Location = new VacancyLocationDraft(51.4, 5.6, new string('p', 121)) }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(49)]
    [InlineData(null)]
    public void Validate_HoursOutOfRange_NamesHours(int? hours) =>
        Assert.Equal([("hoursPerWeek", "Vacancy.HoursPerWeek.OutOfRange")], Errors(Valid() with { HoursPerWeek = hours }));

    [Fact]
    public void Validate_NoSkillAtAll_NamesSkills()
    {
        Assert.Equal([("skills", "Vacancy.Skills.Required")], Errors(Valid() with { Skills = [] }));
        Assert.Equal([("skills", "Vacancy.Skills.Required")], Errors(Valid() with { Skills = null }));
    }

    [Fact]
    public void Validate_ElevenSkills_NamesSkills()
    {
        var skills = Enumerable.Range(0, 11).Select(index => new VacancySkillDraft(Skills.All[index % 3].Id, 1, 1)).ToList();

        Assert.Contains(("skills", "Vacancy.Skills.TooMany"), Errors(Valid() with { Skills = skills }));
    }

    [Fact]
    public void Validate_UnknownSkill_NamesThatEntry() =>
        Assert.Equal([("skills[1].skillId", "Vacancy.Skill.Unknown")],
            Errors(Valid() with { Skills = [new VacancySkillDraft("teamwork", 1, 1), new VacancySkillDraft("juggling", 1, 1)] }));

    [Fact]
    public void Validate_DuplicateSkill_NamesTheSecond() =>
        Assert.Equal([("skills[1].skillId", "Vacancy.Skill.Duplicate")],
            Errors(Valid() with { Skills = [new VacancySkillDraft("teamwork", 1, 1), new VacancySkillDraft("teamwork", 2, 2)] }));

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    [InlineData(null)]
    public void Validate_ImportanceOutOfRange_NamesImportance(int? importance) =>
        Assert.Equal([("skills[0].importance", "Vacancy.Skill.Importance.OutOfRange")],
            Errors(Valid() with { Skills = [new VacancySkillDraft("teamwork", importance, 3)] }));

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(null)]
    public void Validate_MinimumLevelOutOfRange_NamesMinimumLevel(int? level) =>
        Assert.Equal([("skills[0].minimumLevel", "Vacancy.Skill.MinimumLevel.OutOfRange")],
            Errors(Valid() with { Skills = [new VacancySkillDraft("teamwork", 2, level)] }));

    [Fact]
    public void Validate_MissingSkillEntry_NamesIt() =>
        Assert.Equal([("skills[0]", "Vacancy.Skill.Required")], Errors(Valid() with { Skills = [null] }));

    [Fact]
    public void Validate_BadMustHaves_NameEachField()
    {
        var errors = Errors(Valid() with
        {
            MustHaves = [new MustHaveDraft(" ", null), new MustHaveDraft(new string('l', 121), null), new MustHaveDraft("VCA", "https://example.org/vca")],
        });

        Assert.Equal(
            [("mustHaves[0].label", "Vacancy.MustHave.Label.Required"), ("mustHaves[1].label", "Vacancy.MustHave.Label.TooLong"),
             ("mustHaves[2].escoUri", "Vacancy.MustHave.EscoUri.NotEsco")],
            errors);
    }

    [Fact]
    public void Validate_ElevenMustHaves_NamesMustHaves() =>
        Assert.Equal([("mustHaves", "Vacancy.MustHaves.TooMany")],
            Errors(Valid() with { MustHaves = [.. Enumerable.Range(0, 11).Select(index => new MustHaveDraft($"Certificate {index}", null))] }));

    [Fact]
    public void Validate_NoMustHaves_IsAccepted() =>
        Assert.Empty(Errors(Valid() with { MustHaves = null }));

    [Fact]
    public void Validate_SeveralBrokenFields_NamesEachOnce()
    {
        var errors = Errors(new VacancyDraft(null, "nowhere", new VacancyLocationDraft(200, 5, "Helmond"), 60, [new VacancySkillDraft("teamwork", -1, 7)], []));

        Assert.Equal(["title", "sector", "location.latitude", "hoursPerWeek", "skills[0].importance", "skills[0].minimumLevel"], errors.Select(error => error.Field));
    }

    [Fact]
    public void ToVacancy_BeforeValidation_Throws() =>
        Assert.Throws<InvalidOperationException>(() => (Valid() with { Title = null }).ToVacancy());

    [Fact]
    public void ToVacancy_WithTranslations_KeepsThemAndReadsEachLanguageWithFallback()
    {
        var draft = Valid() with
        {
            Language = "en",
            Titles = new Dictionary<string, string?> { ["nl"] = " Orderpicker ", ["da"] = " " },
            MustHaves = [new MustHaveDraft("Forklift certificate", null) { Labels = new Dictionary<string, string?> { ["nl"] = "Heftruckcertificaat" } }],
        };

        Assert.True(draft.Validate(Sectors, Skills).IsValid);
        var vacancy = draft.ToVacancy();

        Assert.Equal(("Orderpicker", "Order picker", "Order picker"), (vacancy.TitleIn("nl"), vacancy.TitleIn("da"), vacancy.TitleIn("en")));
        Assert.Equal(("Heftruckcertificaat", "Forklift certificate"), (vacancy.LabelIn(vacancy.MustHaves[0], "nl"), vacancy.LabelIn(vacancy.MustHaves[0], "nb")));
        Assert.Equal(["nl"], vacancy.TitleTranslations.Keys);
    }

    [Fact]
    public void ToVacancy_WithoutLanguage_IsEnglish() => Assert.Equal("en", Valid().ToVacancy().Language);

    [Fact]
    public void Validate_UnknownLanguageOrTranslationTooLong_NamesTheFields()
    {
        var draft = Valid() with
        {
            Language = "fr",
            Titles = new Dictionary<string, string?> { ["nl"] = new string('x', 121), ["de"] = "Kommissionierer" },
            MustHaves = [new MustHaveDraft("Forklift certificate", null) { Labels = new Dictionary<string, string?> { ["nb"] = new string('x', 121) } }],
        };

        Assert.Equal(
            [
                ("language", "Translations.Language.Unknown"),
                ("titles.nl", "Translations.TooLong"),
                ("titles.de", "Translations.Language.Unknown"),
                ("mustHaves[0].labels.nb", "Translations.TooLong"),
            ],
            Errors(draft));
    }
}
