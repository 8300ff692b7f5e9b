using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Matching;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Matching;
using static Passport.Web.Tests.Matching.MatchingScenario;

namespace Passport.Web.Tests.Pathways;

/// <summary>
/// A job seeker's learning paths over HTTP: only those within the matching distance, most help first then nearest; one
/// path in detail; asking its provider (a consent to share contact details) and the provider reading the question
/// through the one door, which the young person's access log shows. Maastricht is a town no other test uses.
/// </summary>
public abstract class MyPathwaysApiTests(WebAppFixture fixture)
{
    private const string Home = "maastricht";

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task MyPathways_NearAndFar_FarIsLeftOutAndTheOneThatOpensAJobComesBeforeTheNearerOne()
    {
        using var school = await NewProviderAsync();
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var maastricht = PlaceOf(_app, Home);
        var weert = PlaceOf(_app, "weert");
        var atHome = await OpenPathwayAsync(school.Client, "Care at home", maastricht.Latitude, maastricht.Longitude, maastricht.Name, "empathy");
        var opensAJob = await OpenPathwayAsync(school.Client, "Planning in practice", weert.Latitude, weert.Longitude, weert.Name, "planning");
        // About 70 km away: beyond Matching:MaxDistanceKm (60).
        var far = await OpenPathwayAsync(school.Client, "Planning far away", 51.4416, 5.4697, "Eindhoven", "planning", startsOn: "2027-02-01", endsOn: "2027-05-07");
        await PublishVacancyAsync(_app, employer.Client, Home, [("planning", 3, 4)]);
        var (client, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(new Dictionary<string, int> { ["planning"] = 3 }, Home, Findable: false));
        using var _client = client;

        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/me/pathways?top=100")).GetProperty("pathways").EnumerateArray().ToList();

        var ids = listed.Select(p => p.GetProperty("pathwayId").GetGuid()).ToList();
        Assert.DoesNotContain(far, ids);
        Assert.True(ids.IndexOf(opensAJob) < ids.IndexOf(atHome), "the path that opens a job comes before the nearer one that opens none");
        var opens = listed.Single(p => p.GetProperty("pathwayId").GetGuid() == opensAJob);
        Assert.True(opens.GetProperty("vacanciesOpened").GetInt32() >= 1);
        Assert.InRange(opens.GetProperty("distanceKm").GetInt32(), 40, 50);
        var home = listed.Single(p => p.GetProperty("pathwayId").GetGuid() == atHome);
        Assert.Equal(0, home.GetProperty("distanceKm").GetInt32());
        Assert.Equal(0, home.GetProperty("vacanciesOpened").GetInt32());
        Assert.Equal(JsonValueKind.Null, home.GetProperty("startsOn").ValueKind);
        Assert.All(listed, p => Assert.True(p.GetProperty("distanceKm").GetInt32() <= 60));

        // The far one still opens by its address, with its distance and dates.
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/me/pathways/{far}");
        Assert.InRange(detail.GetProperty("distanceKm").GetInt32(), 61, 90);
        Assert.Equal("2027-02-01", detail.GetProperty("startsOn").GetString());
        Assert.Equal("2027-05-07", detail.GetProperty("endsOn").GetString());
        Assert.Equal(school.OrganisationId, detail.GetProperty("provider").GetProperty("id").GetGuid());
        Assert.Equal("Eindhoven", detail.GetProperty("place").GetString());
        Assert.Equal("planning", Assert.Single(detail.GetProperty("teaches").EnumerateArray()).GetProperty("skillId").GetString());
        Assert.True(detail.GetProperty("advice").GetProperty("canStart").GetBoolean());
        Assert.Empty(detail.GetProperty("questions").EnumerateArray());
    }

    [Fact]
    public async Task Ask_ProviderReadsTheQuestion_ContactIsSharedByConsentAndTheReadIsInTheAccessLog()
    {
        using var school = await NewProviderAsync();
        var pathwayId = await OpenPathwayAsync(school.Client, "Hotel front desk", 50.85, 5.69, "Maastricht", "communication");
        var (seeker, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _seeker = seeker;

        using var asked = await seeker.PostAsJsonAsync($"/api/me/pathways/{pathwayId}/questions", new { question = "  When does the next group start?  ", shareContact = true });

        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var question = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("When does the next group start?", question.GetProperty("question").GetString());
        Assert.True(question.GetProperty("sharesContact").GetBoolean());
        var consent = Assert.Single((await seeker.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());
        Assert.Equal(question.GetProperty("consentId").GetGuid(), consent.GetProperty("id").GetGuid());
        Assert.Equal("granted", consent.GetProperty("status").GetString());
        Assert.Equal(["contact"], consent.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("Hotel front desk", consent.GetProperty("purpose").GetString());
        Assert.Empty((await seeker.GetFromJsonAsync<JsonElement>("/api/me/access-log")).EnumerateArray());

        var questions = await school.Client.GetFromJsonAsync<JsonElement>($"/api/education/pathways/{pathwayId}/questions");

        var seen = Assert.Single(questions.EnumerateArray());
        Assert.Equal("When does the next group start?", seen.GetProperty("question").GetString());
        Assert.Equal(email, seen.GetProperty("contact").GetProperty("email").GetString());
        var read = Assert.Single((await seeker.GetFromJsonAsync<JsonElement>("/api/me/access-log")).EnumerateArray());
        Assert.Equal(school.OrganisationId, read.GetProperty("organisationId").GetGuid());
        Assert.Equal(["contact"], read.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("api", read.GetProperty("channel").GetString());
        Assert.Contains("Hotel front desk", read.GetProperty("purpose").GetString());
        var mine = await seeker.GetFromJsonAsync<JsonElement>($"/api/me/pathways/{pathwayId}");
        Assert.True(Assert.Single(mine.GetProperty("questions").EnumerateArray()).GetProperty("sharesContact").GetBoolean());
        // Unmeasured: the path shows, the advice waits for a sprint; no home town, no distance.
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("advice").ValueKind);
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("distanceKm").ValueKind);
    }

    [Fact]
    public async Task Questions_AnotherProviderAndAStoppedConsent_SeeNothingAndNoContact()
    {
        using var school = await NewProviderAsync();
        using var other = await NewProviderAsync();
        var pathwayId = await OpenPathwayAsync(school.Client, "Kitchen assistant", 50.85, 5.69, "Maastricht", "teamwork");
        var (seeker, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _seeker = seeker;
        using (var asked = await seeker.PostAsJsonAsync($"/api/me/pathways/{pathwayId}/questions", new { shareContact = true }))
        {
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        using var otherRead = await other.Client.GetAsync($"/api/education/pathways/{pathwayId}/questions");
        await ProblemAssert.IsProblemAsync(otherRead, HttpStatusCode.NotFound);
        var consentId = Assert.Single((await seeker.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray()).GetProperty("id").GetGuid();
        using (var stopped = await seeker.DeleteAsync($"/api/me/consents/{consentId}"))
        {
            Assert.True(stopped.IsSuccessStatusCode, $"revoke: {(int)stopped.StatusCode}");
        }

        var seen = Assert.Single((await school.Client.GetFromJsonAsync<JsonElement>($"/api/education/pathways/{pathwayId}/questions")).EnumerateArray());

        Assert.Equal(JsonValueKind.Null, seen.GetProperty("question").ValueKind);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("contact").ValueKind);
        Assert.Empty((await seeker.GetFromJsonAsync<JsonElement>("/api/me/access-log")).EnumerateArray());
        var mine = await seeker.GetFromJsonAsync<JsonElement>($"/api/me/pathways/{pathwayId}");
        Assert.False(Assert.Single(mine.GetProperty("questions").EnumerateArray()).GetProperty("sharesContact").GetBoolean());

        // Asking again gives a new consent, since the first one stopped.
        using var again = await seeker.PostAsJsonAsync($"/api/me/pathways/{pathwayId}/questions", new { question = "Is there room?", shareContact = true });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual(consentId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentId").GetGuid());
        var both = (await school.Client.GetFromJsonAsync<JsonElement>($"/api/education/pathways/{pathwayId}/questions")).EnumerateArray().ToList();
        Assert.Equal(2, both.Count);
        Assert.All(both, question => Assert.NotEqual(JsonValueKind.Null, question.GetProperty("contact").ValueKind));
    }

    [Fact]
    public async Task Paths_UnknownDraftBadInputAndOtherRoles_AreRefused()
    {
        using var school = await NewProviderAsync();
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var anonymous = _app.CreateClient();
        var (seeker, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _seeker = seeker;
        var draft = await CreatePathwayAsync(school.Client, Body("Draft path", 50.85, 5.69, "Maastricht", "teamwork"));
        var open = await OpenPathwayAsync(school.Client, "Open path", 50.85, 5.69, "Maastricht", "teamwork");

        foreach (var id in new[] { Guid.NewGuid(), draft })
        {
            using var detail = await seeker.GetAsync($"/api/me/pathways/{id}");
            await ProblemAssert.IsProblemAsync(detail, HttpStatusCode.NotFound);
            using var ask = await seeker.PostAsJsonAsync($"/api/me/pathways/{id}/questions", new { shareContact = true });
            await ProblemAssert.IsProblemAsync(ask, HttpStatusCode.NotFound);
        }

        using var noConsent = await seeker.PostAsJsonAsync($"/api/me/pathways/{open}/questions", new { question = "Hello?" });
        Assert.True((await ProblemAssert.IsProblemAsync(noConsent, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("shareContact", out _));
        using var tooLong = await seeker.PostAsJsonAsync($"/api/me/pathways/{open}/questions", new { question = new string('a', 501), shareContact = true });
        Assert.True((await ProblemAssert.IsProblemAsync(tooLong, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("question", out _));
        Assert.Empty((await seeker.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());

        for (var i = 0; i < 5; i++)
        {
            using var asked = await seeker.PostAsJsonAsync($"/api/me/pathways/{open}/questions", new { question = $"Question {i}", shareContact = true });
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        using var sixth = await seeker.PostAsJsonAsync($"/api/me/pathways/{open}/questions", new { shareContact = true });
        await ProblemAssert.IsProblemAsync(sixth, HttpStatusCode.Conflict);
        Assert.Single((await seeker.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await employer.Client.GetAsync($"/api/me/pathways/{open}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await seeker.GetAsync($"/api/education/pathways/{open}/questions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/me/pathways/{open}")).StatusCode);
    }

    [Theory]
    [InlineData("2027-03-01", "2027-02-01", "endsOn")]
    [InlineData(null, "2027-02-01", "startsOn")]
    public async Task CreatePathway_BadDates_Returns400OnTheField(string? startsOn, string endsOn, string field)
    {
        using var school = await NewProviderAsync();

        using var response = await school.Client.PostAsJsonAsync("/api/education/pathways", Body("Dated", 50.85, 5.69, "Maastricht", "teamwork", startsOn, endsOn));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
    }

    private Task<Staff.Member> NewProviderAsync() => Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");

    private static object Body(string title, double latitude, double longitude, string place, string gain, string? startsOn = null, string? endsOn = null) => new
    {
        title = $"{title} {Guid.NewGuid():N}"[..Math.Min(title.Length + 9, 120)],
        modules = new[] { new { title = "In practice", weeks = 4 } },
        location = new { latitude, longitude, place },
        capacity = 12,
        entryRequirements = Array.Empty<object>(),
        gains = new[] { new { skillId = gain, expectedGain = 1.0 } },
        startsOn,
        endsOn,
    };

    private static async Task<Guid> CreatePathwayAsync(HttpClient school, object body)
    {
        using var created = await school.PostAsJsonAsync("/api/education/pathways", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> OpenPathwayAsync(
        HttpClient school, string title, double latitude, double longitude, string place, string gain, string? startsOn = null, string? endsOn = null)
    {
        var id = await CreatePathwayAsync(school, Body(title, latitude, longitude, place, gain, startsOn, endsOn));
        using var opened = await school.PostAsync($"/api/education/pathways/{id}/open", null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        return id;
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteMyPathwaysApiTests(SqliteWebAppFixture fixture) : MyPathwaysApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresMyPathwaysApiTests(PostgresWebAppFixture fixture) : MyPathwaysApiTests(fixture);
