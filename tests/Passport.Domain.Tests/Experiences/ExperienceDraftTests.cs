using Passport.Domain.Experiences;

namespace Passport.Domain.Tests.Experiences;

public sealed class ExperienceDraftTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static ExperienceDraft Valid() => new(
        "internship", "  Warehouse assistant ", "Harbour Logistics", "", new DateOnly(2025, 2, 1), new DateOnly(2025, 6, 30),
        "Picked and packed orders.", ["http://data.europa.eu/esco/occupation/abc", " "]);

    private static IEnumerable<string> Codes(ExperienceDraft draft) =>
        draft.Validate(Today).Errors.Select(error => $"{error.Field}:{error.Code}");

    [Fact]
    public void Validate_AllFieldsRight_IsValidAndCleansTheTexts()
    {
        var draft = Valid();

        Assert.Empty(Codes(draft));
        var experience = draft.ToExperience();
        Assert.Equal(ExperienceKind.Internship, experience.Kind);
        Assert.Equal("Warehouse assistant", experience.Title);
        Assert.Null(experience.Place);
        Assert.Equal(["http://data.europa.eu/esco/occupation/abc"], experience.EscoUris);
    }

    [Fact]
    public void Validate_OnlyTheRequiredFields_IsValid()
    {
        var draft = new ExperienceDraft("education", "Course", null, null, Today, null, null, null);

        Assert.Empty(Codes(draft));
        Assert.Empty(draft.ToExperience().EscoUris);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("job")]
    [InlineData("1")]
    [InlineData("0")]
    public void Validate_UnknownKind_IsRefused(string? kind)
    {
        Assert.Equal(["kind:Experience.Kind.Unknown"], Codes(Valid() with { Kind = kind }));
    }

    [Fact]
    public void Validate_KindInAnyCase_IsAccepted()
    {
        Assert.Empty(Codes(Valid() with { Kind = "Volunteering" }));
    }

    [Fact]
    public void Validate_MissingOrLongTexts_NameEachField()
    {
        var draft = Valid() with
        {
            Title = "   ",
            Organisation = new string('o', 121),
            Place = new string('p', 121),
            Description = new string('d', 1001),
        };

        Assert.Equal(
            ["title:Experience.Title.Required", "organisation:Experience.Organisation.TooLong", "place:Experience.Place.TooLong", "description:Experience.Description.TooLong"],
            Codes(draft));
        Assert.Equal(["title:Experience.Title.TooLong"], Codes(Valid() with { Title = new string('t', 121) }));
        Assert.Empty(Codes(Valid() with { Title = new string('t', 120), Description = new string('d', 1000) }));
    }

    [Fact]
    public void Validate_Dates_StartNeededNotInTheFutureAndEndNotBeforeIt()
    {
        Assert.Equal(["startedOn:Experience.StartedOn.Required"], Codes(Valid() with { StartedOn = null }));
        Assert.Equal(["startedOn:Experience.StartedOn.Future"], Codes(Valid() with { StartedOn = Today.AddDays(1), EndedOn = null }));
        Assert.Equal(["endedOn:Experience.EndedOn.BeforeStart"], Codes(Valid() with { EndedOn = new DateOnly(2025, 1, 31) }));
        Assert.Empty(Codes(Valid() with { StartedOn = Today, EndedOn = Today }));
    }

    [Fact]
    public void Validate_EscoUris_OnlyEscoAndAtMostTen()
    {
        var notEsco = Assert.Single((Valid() with { EscoUris = ["https://data.europa.eu/esco/skill/x", "http://data.europa.eu/esco/skill/y"] }).Validate(Today).Errors);
        Assert.Equal("Experience.EscoUris.NotEsco", notEsco.Code);
        Assert.Equal(["https://data.europa.eu/esco/skill/x"], notEsco.Arguments);
        Assert.Equal(["escoUris:Experience.EscoUris.NotEsco"], Codes(Valid() with { EscoUris = ["http://data.europa.eu/esco/"] }));
        Assert.Equal(["escoUris:Experience.EscoUris.NotEsco"], Codes(Valid() with { EscoUris = ["http://data.europa.eu/esco/skill/a b"] }));
        var eleven = Enumerable.Range(0, 11).Select(index => $"http://data.europa.eu/esco/skill/{index}").ToList();
        Assert.Equal(["escoUris:Experience.EscoUris.TooMany"], Codes(Valid() with { EscoUris = eleven }));
        Assert.Empty(Codes(Valid() with { EscoUris = eleven[..10] }));
    }

    [Fact]
    public void ToExperience_InvalidDraft_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => (Valid() with { Kind = "job" }).ToExperience());
    }
}
