using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Passport.Domain.Organisations;
using Passport.Domain.Vacancies;
using Passport.Web.Demo;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Vacancies;

/// <summary>Employers' vacancies over HTTP: create, publish, close, list their own, and refusing bad input and other callers.</summary>
public abstract class VacanciesApiTests(WebAppFixture fixture)
{
    private const string Route = "/api/employer/vacancies";

    private readonly PassportApp _app = fixture.App;

    private static JsonObject Body() => JsonNode.Parse(
        """
        {
          "title": "Forklift driver",
          "sector": "logistics",
          "location": { "latitude": 51.4712, "longitude": 5.6955, "place": "Helmond" },
          "hoursPerWeek": 40,
          "skills": [
            { "skillId": "reliability", "importance": 3, "minimumLevel": 3 },
            { "skillId": "teamwork", "importance": 1, "minimumLevel": 2 }
          ],
          "mustHaves": [ { "label": "Forklift certificate" }, { "label": "VCA", "escoUri": "http://data.europa.eu/esco/skill/abc" } ]
        }
        """)!.AsObject();

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<JsonElement> CreateAsync(HttpClient client)
    {
        using var created = await client.PostAsync(Route, Json(Body()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Vacancy_EmployerCreatesPublishesAndCloses_EachStepAnswersAsDocumented()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);

        using var created = await employer.Client.PostAsync(Route, Json(Body()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var vacancy = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = vacancy.GetProperty("id").GetGuid();
        Assert.Equal($"{Route}/{id}", created.Headers.Location?.ToString());
        Assert.Equal("draft", vacancy.GetProperty("status").GetString());
        Assert.Equal("Forklift driver", vacancy.GetProperty("title").GetString());
        Assert.Equal(51.4712, vacancy.GetProperty("location").GetProperty("latitude").GetDouble());
        Assert.Equal("Helmond", vacancy.GetProperty("location").GetProperty("place").GetString());
        Assert.Equal(["reliability", "teamwork"], vacancy.GetProperty("skills").EnumerateArray().Select(skill => skill.GetProperty("skillId").GetString()));
        Assert.Equal(3, vacancy.GetProperty("skills")[0].GetProperty("minimumLevel").GetInt32());
        Assert.Equal("http://data.europa.eu/esco/skill/abc", vacancy.GetProperty("mustHaves")[1].GetProperty("escoUri").GetString());

        using var published = await employer.Client.PostAsync($"{Route}/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var publishedBody = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("published", publishedBody.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, publishedBody.GetProperty("publishedAt").ValueKind);

        using var again = await employer.Client.PostAsync($"{Route}/{id}/publish", null);
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);

        var listed = Assert.Single((await employer.Client.GetFromJsonAsync<JsonElement>(Route)).EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetGuid());
        Assert.Equal("published", listed.GetProperty("status").GetString());
        Assert.Equal(2, listed.GetProperty("skills").GetArrayLength());

        using var closed = await employer.Client.PostAsync($"{Route}/{id}/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var read = await employer.Client.GetFromJsonAsync<JsonElement>($"{Route}/{id}");
        Assert.Equal("closed", read.GetProperty("status").GetString());
        using var reopened = await employer.Client.PostAsync($"{Route}/{id}/publish", null);
        await ProblemAssert.IsProblemAsync(reopened, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Vacancy_AnotherEmployersId_Is404AndUntouched()
    {
        using var owner = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var other = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var id = (await CreateAsync(owner.Client)).GetProperty("id").GetGuid();

        using var read = await other.Client.GetAsync($"{Route}/{id}");
        using var publish = await other.Client.PostAsync($"{Route}/{id}/publish", null);
        using var close = await other.Client.PostAsync($"{Route}/{id}/close", null);
        using var unknown = await owner.Client.GetAsync($"{Route}/{Guid.CreateVersion7()}");

        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(publish, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(close, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Empty((await other.Client.GetFromJsonAsync<JsonElement>(Route)).EnumerateArray());
        var mine = await owner.Client.GetFromJsonAsync<JsonElement>($"{Route}/{id}");
        Assert.Equal("draft", mine.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Vacancies_JobSeekerOrCoach_Are403()
    {
        var (jobSeeker, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var coach = await Staff.NewAsync(_app, OrganisationKind.Municipality);
        using (jobSeeker)
        {
            foreach (var client in new[] { jobSeeker, coach.Client })
            {
                using var create = await client.PostAsync(Route, Json(Body()));
                using var list = await client.GetAsync(Route);

                Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            }
        }
    }

    [Fact]
    public async Task Vacancies_WithoutToken_Are401()
    {
        using var anonymous = _app.CreateClient();
        using var list = await anonymous.GetAsync(Route);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
    }

    [Theory]
    [InlineData("minimum-level-7", "skills[0].minimumLevel")]
    [InlineData("importance-minus-1", "skills[0].importance")]
    [InlineData("latitude-200", "location.latitude")]
    [InlineData("unknown-skill", "skills[1].skillId")]
    [InlineData("no-skill", "skills")]
    [InlineData("skills-missing", "skills")]
    [InlineData("duplicate-skill", "skills[1].skillId")]
    [InlineData("hours-60", "hoursPerWeek")]
    [InlineData("unknown-sector", "sector")]
    [InlineData("not-esco", "mustHaves[1].escoUri")]
    public async Task Create_BadInput_Is400NamingTheFieldAndStoresNothing(string scenario, string field)
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var body = Body();
        var skills = body["skills"]!.AsArray();
        switch (scenario)
        {
            case "minimum-level-7": skills[0]!["minimumLevel"] = 7; break;
            case "importance-minus-1": skills[0]!["importance"] = -1; break;
            case "latitude-200": body["location"]!["latitude"] = 200; break;
            case "unknown-skill": skills[1]!["skillId"] = "juggling"; break;
            case "no-skill": body["skills"] = new JsonArray(); break;
            case "skills-missing": body.Remove("skills"); break;
            case "duplicate-skill": skills[1]!["skillId"] = "reliability"; break;
            case "hours-60": body["hoursPerWeek"] = 60; break;
            case "unknown-sector": body["sector"] = "space-travel"; break;
            case "not-esco": body["mustHaves"]![1]!["escoUri"] = "https://example.org/vca"; break;
            default: throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario.");
        }

        using var response = await employer.Client.PostAsync(Route, Json(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(error => error.Name));
        Assert.False(string.IsNullOrWhiteSpace(errors.GetProperty(field)[0].GetString()));
        Assert.Empty((await employer.Client.GetFromJsonAsync<JsonElement>(Route)).EnumerateArray());
    }

    [Fact]
    public async Task Create_LatitudeAsText_Is400AndStoresNothing()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var body = Body();
        body["location"]!["latitude"] = "far north";

        using var response = await employer.Client.PostAsync(Route, Json(body));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Empty((await employer.Client.GetFromJsonAsync<JsonElement>(Route)).EnumerateArray());
    }

    [Fact]
    public async Task Create_BadInputInDutch_ExplainsInDutch()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var body = Body();
        body["skills"]![0]!["minimumLevel"] = 7;
        using var request = new HttpRequestMessage(HttpMethod.Post, Route) { Content = Json(body) };
        request.Headers.AcceptLanguage.ParseAdd("nl");

        using var response = await employer.Client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("niveau", problem.GetProperty("errors").GetProperty("skills[0].minimumLevel")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void DemoContent_HasThirtyVacanciesOfEightEmployersInTheFiveSectors()
    {
        var demo = _app.Services.GetRequiredService<DemoVacancies>().All;

        Assert.True(demo.Count >= 30, $"Only {demo.Count} demo vacancies.");
        Assert.True(demo.Select(vacancy => vacancy.Organisation).Distinct().Count() >= 8);
        Assert.Superset(
            new HashSet<string> { "energy-transition", "healthcare", "technical-industry", "logistics", "hospitality" },
            demo.Select(vacancy => vacancy.Vacancy.Sector).ToHashSet());
        var brightwatt = Guid.Parse("0193a000-0000-7000-8000-000000000101");
        Assert.True(demo.Count(vacancy => vacancy.Organisation == brightwatt && vacancy.Status == VacancyStatus.Published) >= 3);
    }

    [Fact]
    public async Task Demo_EmployerListsItsDemoVacancies()
    {
        using var employer = await _app.CreateClientForAsync("employer@demo.test");

        var listed = (await employer.GetFromJsonAsync<JsonElement>(Route)).EnumerateArray().ToList();

        var demoIds = Enumerable.Range(1, 5).Select(index => Guid.Parse($"0193a000-0000-7000-8000-00000000100{index}")).ToList();
        Assert.All(demoIds, id => Assert.Contains(listed, vacancy => vacancy.GetProperty("id").GetGuid() == id));
        Assert.True(listed.Count(vacancy => vacancy.GetProperty("status").GetString() == "published") >= 3);
        Assert.All(listed, vacancy => Assert.NotEmpty(vacancy.GetProperty("skills").EnumerateArray()));
        // Only Brightwatt's own: the other demo employers' vacancies (ids 1006 and up) never show here.
        Assert.DoesNotContain(listed, vacancy => vacancy.GetProperty("id").GetGuid() == Guid.Parse("0193a000-0000-7000-8000-000000001006"));
        using var other = await employer.GetAsync($"{Route}/0193a000-0000-7000-8000-000000001006");
        await ProblemAssert.IsProblemAsync(other, HttpStatusCode.NotFound);
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteVacanciesApiTests(SqliteWebAppFixture fixture) : VacanciesApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresVacanciesApiTests(PostgresWebAppFixture fixture) : VacanciesApiTests(fixture);
