using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Localization;

/// <summary>
/// Vacancy and pathway texts in several languages over HTTP: each reader gets their language, or else the author's;
/// a client that sends a plain title works as before; unknown languages are refused by field.
/// </summary>
public abstract class TextsInLanguagesApiTests(WebAppFixture fixture)
{
    private const string Vacancies = "/api/employer/vacancies";
    private const string Pathways = "/api/education/pathways";

    private readonly PassportApp _app = fixture.App;

    private static object Vacancy(string? language = "en", object? titles = null) => new
    {
        title = "Forklift driver",
        language,
        titles = titles ?? new { nl = "Heftruckchauffeur" },
        sector = "logistics",
        location = new { latitude = 51.4712, longitude = 5.6955, place = "Helmond" },
        hoursPerWeek = 40,
        skills = new[] { new { skillId = "reliability", importance = 3, minimumLevel = 3 } },
        mustHaves = new[] { new { label = "Forklift certificate", labels = new { nl = "Heftruckcertificaat", nb = "Truckførerbevis" } } },
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Vacancy_CreatedWithDutchTitle_DutchReaderSeesItAndDanishReaderTheEnglish()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var created = await employer.Client.PostAsJsonAsync(Vacancies, Vacancy());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();

        // The list reads the database, so this also proves the translations were stored.
        var dutch = (await employer.Client.GetFromJsonAsync<JsonElement>($"{Vacancies}?culture=nl")).EnumerateArray().Single(vacancy => vacancy.GetProperty("id").GetGuid() == id);
        var danish = (await employer.Client.GetFromJsonAsync<JsonElement>($"{Vacancies}?culture=da")).EnumerateArray().Single(vacancy => vacancy.GetProperty("id").GetGuid() == id);
        var norwegian = await employer.Client.GetFromJsonAsync<JsonElement>($"{Vacancies}/{id}?culture=nb");

        Assert.Equal(("Heftruckchauffeur", "Heftruckcertificaat"), (dutch.GetProperty("title").GetString(), dutch.GetProperty("mustHaves")[0].GetProperty("label").GetString()));
        Assert.Equal(("Forklift driver", "Forklift certificate"), (danish.GetProperty("title").GetString(), danish.GetProperty("mustHaves")[0].GetProperty("label").GetString()));
        Assert.Equal(("Forklift driver", "Truckførerbevis"), (norwegian.GetProperty("title").GetString(), norwegian.GetProperty("mustHaves")[0].GetProperty("label").GetString()));
        Assert.Equal("en", danish.GetProperty("language").GetString());
        Assert.Equal(
            new Dictionary<string, string> { ["en"] = "Forklift driver", ["nl"] = "Heftruckchauffeur" },
            danish.GetProperty("titles").Deserialize<Dictionary<string, string>>());
        Assert.Equal(3, danish.GetProperty("mustHaves")[0].GetProperty("labels").EnumerateObject().Count());
    }

    [Fact]
    public async Task Vacancy_PlainTitleOnly_IsEnglishForEveryReader()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var created = await employer.Client.PostAsJsonAsync(Vacancies, new
        {
            title = "Reach truck driver",
            sector = "logistics",
            location = new { latitude = 51.4712, longitude = 5.6955, place = "Helmond" },
            hoursPerWeek = 32,
            skills = new[] { new { skillId = "teamwork", importance = 1, minimumLevel = 2 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();

        var dutch = await employer.Client.GetFromJsonAsync<JsonElement>($"{Vacancies}/{id}?culture=nl");

        Assert.Equal(("Reach truck driver", "en"), (dutch.GetProperty("title").GetString(), dutch.GetProperty("language").GetString()));
        Assert.Single(dutch.GetProperty("titles").EnumerateObject());
    }

    [Fact]
    public async Task Vacancy_WrittenInDutchWithEnglishTranslation_EnglishReaderGetsTheEnglishAndDanishTheDutch()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var created = await employer.Client.PostAsJsonAsync(Vacancies, new
        {
            title = "Heftruckchauffeur",
            language = "nl",
            titles = new { en = "Forklift operator" },
            sector = "logistics",
            location = new { latitude = 51.4712, longitude = 5.6955, place = "Helmond" },
            hoursPerWeek = 40,
            skills = new[] { new { skillId = "reliability", importance = 3, minimumLevel = 3 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();

        var english = await employer.Client.GetFromJsonAsync<JsonElement>($"{Vacancies}/{id}?culture=en");
        var danish = await employer.Client.GetFromJsonAsync<JsonElement>($"{Vacancies}/{id}?culture=da");

        Assert.Equal("Forklift operator", english.GetProperty("title").GetString());
        Assert.Equal("Heftruckchauffeur", danish.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Vacancy_UnknownLanguagesOrTooLongTranslation_Is400NamingEachField()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);

        using var response = await employer.Client.PostAsJsonAsync(Vacancies, Vacancy("xx", new Dictionary<string, string> { ["fr"] = "Cariste", ["nl"] = new string('x', 121) }));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Equal(
            ["language", "titles.fr", "titles.nl"],
            errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Vacancy_TranslationInItsOwnLanguage_Is400()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);

        using var response = await employer.Client.PostAsJsonAsync(Vacancies, Vacancy("en", new { en = "Forklift driver" }));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("titles.en", out _));
    }

    [Fact]
    public async Task Pathway_WithDutchTitles_DutchReaderSeesThemAndDanishReaderTheEnglish()
    {
        using var provider = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        using var created = await provider.Client.PostAsJsonAsync(Pathways, new
        {
            title = "Forklift driver",
            titles = new { nl = "Heftruckchauffeur", da = " " },
            modules = new object[]
            {
                new { title = "Forklift licence", weeks = 2, titles = new { nl = "Heftruckcertificaat" } },
                new { title = "Work placement", weeks = 4 },
            },
            location = new { latitude = 51.9225, longitude = 4.4792, place = "Rotterdam" },
            capacity = 12,
            gains = new[] { new { skillId = "reliability", expectedGain = 1.0 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();

        var dutch = (await provider.Client.GetFromJsonAsync<JsonElement>($"{Pathways}?culture=nl")).EnumerateArray().Single(pathway => pathway.GetProperty("id").GetGuid() == id);
        var danish = (await provider.Client.GetFromJsonAsync<JsonElement>($"{Pathways}?culture=da")).EnumerateArray().Single(pathway => pathway.GetProperty("id").GetGuid() == id);

        Assert.Equal(
            ("Heftruckchauffeur", "Heftruckcertificaat", "Work placement"),
            (dutch.GetProperty("title").GetString(), dutch.GetProperty("modules")[0].GetProperty("title").GetString(), dutch.GetProperty("modules")[1].GetProperty("title").GetString()));
        Assert.Equal(("Forklift driver", "Forklift licence"), (danish.GetProperty("title").GetString(), danish.GetProperty("modules")[0].GetProperty("title").GetString()));
        Assert.Equal(["en", "nl"], danish.GetProperty("titles").EnumerateObject().Select(title => title.Name));
    }

    [Fact]
    public async Task Pathway_ModuleTranslationInUnknownLanguage_Is400NamingTheModule()
    {
        using var provider = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");

        using var response = await provider.Client.PostAsJsonAsync(Pathways, new
        {
            title = "Forklift driver",
            modules = new[] { new { title = "Forklift licence", weeks = 2, titles = new { de = "Staplerschein" } } },
            location = new { latitude = 51.9225, longitude = 4.4792, place = "Rotterdam" },
            capacity = 12,
            gains = new[] { new { skillId = "reliability", expectedGain = 1.0 } },
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("modules[0].titles.de", out _));
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteTextsInLanguagesApiTests(SqliteWebAppFixture fixture) : TextsInLanguagesApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresTextsInLanguagesApiTests(PostgresWebAppFixture fixture) : TextsInLanguagesApiTests(fixture);
