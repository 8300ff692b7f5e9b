using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Pathways;

/// <summary>Education partners write their own pathways; everyone reads the ones on offer.</summary>
public abstract class PathwaysApiTests(WebAppFixture fixture)
{
    private const string Route = "/api/education/pathways";

    private readonly PassportApp _app = fixture.App;

    private static object Body(string title = "Forklift driver", double latitude = 51.9225, int capacity = 24, double gain = 1) => new
    {
        title,
        modules = new[] { new { title = "Forklift licence", weeks = 2 }, new { title = "Work placement", weeks = 4 } },
        location = new { latitude, longitude = 4.4792, place = "Rotterdam" },
        capacity,
        entryRequirements = new[] { new { skillId = "reliability", minimumLevel = 2 } },
        gains = new[] { new { skillId = "reliability", expectedGain = gain }, new { skillId = "teamwork", expectedGain = 0.5 } },
    };

    private Task<Staff.Member> NewProviderAsync() => Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> CreateAsync(HttpClient client, object? body = null)
    {
        using var response = await client.PostAsJsonAsync(Route, body ?? Body());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonAsync(response);
    }

    [Fact]
    public async Task Create_ValidPathway_Returns201DraftWithDuration()
    {
        using var provider = await NewProviderAsync();

        using var response = await provider.Client.PostAsJsonAsync(Route, Body());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var pathway = await JsonAsync(response);
        var id = pathway.GetProperty("id").GetGuid();
        Assert.Equal($"{Route}/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("draft", pathway.GetProperty("status").GetString());
        Assert.Equal(6, pathway.GetProperty("durationWeeks").GetInt32());
        Assert.Equal(provider.OrganisationId, pathway.GetProperty("provider").GetProperty("id").GetGuid());
        Assert.Equal(2, pathway.GetProperty("modules").GetArrayLength());
        Assert.Equal(0.5, pathway.GetProperty("gains")[1].GetProperty("expectedGain").GetDouble());
        using var read = await provider.Client.GetAsync($"{Route}/{id}");
        Assert.Equal("Forklift driver", (await JsonAsync(read)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Edit_Open_ChangesItAndClosedReturns409()
    {
        using var provider = await NewProviderAsync();
        var id = (await CreateAsync(provider.Client)).GetProperty("id").GetGuid();
        using (var opened = await provider.Client.PostAsync($"{Route}/{id}/open", null))
        {
            Assert.Equal("open", (await JsonAsync(opened)).GetProperty("status").GetString());
        }

        using (var edited = await provider.Client.PutAsJsonAsync($"{Route}/{id}", Body("Reach truck driver", capacity: 10)))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            var pathway = await JsonAsync(edited);
            Assert.Equal(("Reach truck driver", 10, "open"), (pathway.GetProperty("title").GetString(), pathway.GetProperty("capacity").GetInt32(), pathway.GetProperty("status").GetString()));
        }

        using (var closed = await provider.Client.PostAsync($"{Route}/{id}/close", null))
        {
            Assert.Equal("closed", (await JsonAsync(closed)).GetProperty("status").GetString());
        }

        using var refused = await provider.Client.PutAsJsonAsync($"{Route}/{id}", Body("Too late"));
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict);
        using var reopen = await provider.Client.PostAsync($"{Route}/{id}/open", null);
        await ProblemAssert.IsProblemAsync(reopen, HttpStatusCode.Conflict);
        using var read = await provider.Client.GetAsync($"{Route}/{id}");
        Assert.Equal("Reach truck driver", (await JsonAsync(read)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task OpenFullAndOpenAgain_MovesThroughTheLifecycle()
    {
        using var provider = await NewProviderAsync();
        var id = (await CreateAsync(provider.Client)).GetProperty("id").GetGuid();

        using var tooEarly = await provider.Client.PostAsync($"{Route}/{id}/close", null);
        await ProblemAssert.IsProblemAsync(tooEarly, HttpStatusCode.Conflict);
        foreach (var (step, expected) in new[] { ("open", "open"), ("full", "full"), ("open", "open") })
        {
            using var response = await provider.Client.PostAsync($"{Route}/{id}/{step}", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, (await JsonAsync(response)).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task List_ShowsOnlyTheOwnOrganisationsPathways()
    {
        using var provider = await NewProviderAsync();
        using var other = await NewProviderAsync();
        var mine = (await CreateAsync(provider.Client, Body("Mine"))).GetProperty("id").GetGuid();
        var theirs = (await CreateAsync(other.Client, Body("Theirs"))).GetProperty("id").GetGuid();

        var listed = await provider.Client.GetFromJsonAsync<JsonElement>(Route);

        var ids = listed.EnumerateArray().Select(pathway => pathway.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([mine], ids);
        Assert.DoesNotContain(theirs, ids);
    }

    [Fact]
    public async Task AnotherProvidersId_Returns404EverywhereAndChangesNothing()
    {
        using var provider = await NewProviderAsync();
        using var other = await NewProviderAsync();
        var id = (await CreateAsync(provider.Client)).GetProperty("id").GetGuid();

        using var read = await other.Client.GetAsync($"{Route}/{id}");
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound);
        using var edit = await other.Client.PutAsJsonAsync($"{Route}/{id}", Body("Hijacked"));
        await ProblemAssert.IsProblemAsync(edit, HttpStatusCode.NotFound);
        using var open = await other.Client.PostAsync($"{Route}/{id}/open", null);
        await ProblemAssert.IsProblemAsync(open, HttpStatusCode.NotFound);
        using var unknown = await provider.Client.GetAsync($"{Route}/{Guid.CreateVersion7()}");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);

        using var mine = await provider.Client.GetAsync($"{Route}/{id}");
        var pathway = await JsonAsync(mine);
        Assert.Equal(("Forklift driver", "draft"), (pathway.GetProperty("title").GetString(), pathway.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("employer@demo.test")]
    [InlineData("youth@demo.test")]
    [InlineData("coach@demo.test")]
    public async Task EducationEndpoints_OtherRoles_Return403Problem(string email)
    {
        using var client = await _app.CreateClientForAsync(email);

        using var list = await client.GetAsync(Route);
        using var create = await client.PostAsJsonAsync(Route, Body());

        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task EducationEndpoints_Anonymous_Return401()
    {
        using var anonymous = _app.CreateClient();

        using var response = await anonymous.GetAsync(Route);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{ "title": "", "modules": [{ "title": "A", "weeks": 2 }], "location": { "latitude": 52, "longitude": 5, "place": "Utrecht" }, "capacity": 10, "gains": [{ "skillId": "teamwork", "expectedGain": 1 }] }""", "title" },
        { """{ "title": "T", "modules": [], "location": { "latitude": 52, "longitude": 5, "place": "Utrecht" }, "capacity": 10, "gains": [{ "skillId": "teamwork", "expectedGain": 1 }] }""", "modules" },
        { """{ "title": "T", "modules": [{ "title": "A", "weeks": 2 }], "location": { "latitude": 200, "longitude": 5, "place": "Utrecht" }, "capacity": 10, "gains": [{ "skillId": "teamwork", "expectedGain": 1 }] }""", "location.latitude" },
        { """{ "title": "T", "modules": [{ "title": "A", "weeks": 2 }], "location": { "latitude": 52, "longitude": 5, "place": "Utrecht" }, "capacity": 501, "gains": [{ "skillId": "teamwork", "expectedGain": 1 }] }""", "capacity" },
        { """{ "title": "T", "modules": [{ "title": "A", "weeks": 2 }], "location": { "latitude": 52, "longitude": 5, "place": "Utrecht" }, "capacity": 10, "entryRequirements": [{ "skillId": "teamwork", "minimumLevel": 7 }], "gains": [{ "skillId": "teamwork", "expectedGain": 1 }] }""", "entryRequirements[0].minimumLevel" },
        { """{ "title": "T", "modules": [{ "title": "A", "weeks": 2 }], "location": { "latitude": 52, "longitude": 5, "place": "Utrecht" }, "capacity": 10, "gains": [{ "skillId": "juggling", "expectedGain": 1 }] }""", "gains[0].skillId" },
        { """{ "title": "T", "modules": [{ "title": "A", "weeks": 2 }], "location": { "latitude": 52, "longitude": 5, "place": "Utrecht" }, "capacity": 10, "gains": [{ "skillId": "teamwork", "expectedGain": 0.75 }] }""", "gains[0].expectedGain" },
        { """{ "title": "T", "modules": [{ "title": "A", "weeks": 2 }], "location": { "latitude": 52, "longitude": 5, "place": "Utrecht" }, "capacity": 10, "gains": [{ "skillId": "teamwork", "expectedGain": 1 }, { "skillId": "teamwork", "expectedGain": 2 }] }""", "gains" },
        { """{ "title": "T", "modules": [{ "title": "A", "weeks": 2 }], "capacity": 10, "gains": [{ "skillId": "teamwork", "expectedGain": 1 }] }""", "location" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Create_BadInput_Returns400AndStoresNothing(string body, string field)
    {
        using var provider = await NewProviderAsync();

        using var response = await provider.Client.PostAsync(Route, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.GetRawText());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(0, (await provider.Client.GetFromJsonAsync<JsonElement>(Route)).GetArrayLength());
    }

    [Fact]
    public async Task Create_NotJson_Returns400Problem()
    {
        using var provider = await NewProviderAsync();

        using var response = await provider.Client.PostAsync(Route, new StringContent("""{ "capacity": "many" }""", System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, (await provider.Client.GetFromJsonAsync<JsonElement>(Route)).GetArrayLength());
    }

    [Fact]
    public async Task Edit_BadInput_Returns400AndKeepsThePathway()
    {
        using var provider = await NewProviderAsync();
        var id = (await CreateAsync(provider.Client)).GetProperty("id").GetGuid();

        using var response = await provider.Client.PutAsJsonAsync($"{Route}/{id}", Body("Changed", gain: 3));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        using var read = await provider.Client.GetAsync($"{Route}/{id}");
        var pathway = await JsonAsync(read);
        Assert.Equal("Forklift driver", pathway.GetProperty("title").GetString());
        Assert.Equal(1, pathway.GetProperty("gains")[0].GetProperty("expectedGain").GetDouble());
    }

    [Fact]
    public async Task DemoSchool_ListsItsDemoPathways()
    {
        using var school = await _app.CreateClientForAsync("school@demo.test");

        var listed = await school.GetFromJsonAsync<JsonElement>(Route);

        var titles = listed.EnumerateArray().Select(pathway => pathway.GetProperty("title").GetString()).ToList();
        Assert.Contains("Heat-pump installer: the basics", titles);
        Assert.Contains("CNC operator: starting on the machine", titles);
        Assert.All(listed.EnumerateArray(), pathway => Assert.Equal("Summa Learning Centre", pathway.GetProperty("provider").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task PublicList_Anonymous_ShowsOpenPathwaysOfEveryDemoProviderButNoDrafts()
    {
        using var provider = await NewProviderAsync();
        var draft = (await CreateAsync(provider.Client, Body("Still a draft"))).GetProperty("id").GetGuid();
        var open = (await CreateAsync(provider.Client, Body("Open to all"))).GetProperty("id").GetGuid();
        using (var opened = await provider.Client.PostAsync($"{Route}/{open}/open", null))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }

        using var anonymous = _app.CreateClient();
        using var response = await anonymous.GetAsync("/api/pathways");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = (await JsonAsync(response)).EnumerateArray().ToList();
        var ids = listed.Select(pathway => pathway.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(open, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.All(listed, pathway => Assert.Contains(pathway.GetProperty("status").GetString(), new[] { "open", "full" }));
        Assert.True(listed.Select(pathway => pathway.GetProperty("provider").GetProperty("id").GetGuid()).Distinct().Count() >= 4);
        Assert.True(listed.Count(pathway => pathway.GetProperty("id").GetGuid().ToString().StartsWith("0193a000-0000-7000-8000-0000000003", StringComparison.Ordinal)) >= 10);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("@", raw, StringComparison.Ordinal);
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqlitePathwaysApiTests(SqliteWebAppFixture fixture) : PathwaysApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresPathwaysApiTests(PostgresWebAppFixture fixture) : PathwaysApiTests(fixture);
