using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Matching;

namespace Passport.Web.Tests.Vacancies;

/// <summary>
/// Changing a vacancy over HTTP (<c>PUT /api/employer/vacancies/{id}</c>): the rules of writing one, refusal for
/// other organisations and other roles, a closed vacancy stays as it was, and edits of a published one are recorded.
/// </summary>
public abstract class VacancyEditApiTests(WebAppFixture fixture)
{
    private const string Route = "/api/employer/vacancies";

    private readonly PassportApp _app = fixture.App;

    private static JsonObject Body(string title = "Warehouse assistant") => JsonNode.Parse(
        $$"""
        {
          "title": "{{title}}",
          "sector": "logistics",
          "location": { "latitude": 51.4712, "longitude": 5.6955, "place": "Helmond" },
          "hoursPerWeek": 32,
          "skills": [ { "skillId": "reliability", "importance": 3, "minimumLevel": 3 } ],
          "mustHaves": [ { "label": "Forklift certificate" } ]
        }
        """)!.AsObject();

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<Guid> CreateAsync(HttpClient client, bool publish = false)
    {
        using var created = await client.PostAsync(Route, Json(Body()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        if (publish)
        {
            using var published = await client.PostAsync($"{Route}/{id}/publish", null);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }

        return id;
    }

    private static async Task<JsonElement[]> ChangesAsync(HttpClient client, Guid id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"{Route}/{id}/changes")).EnumerateArray()];

    [Fact]
    public async Task Edit_Draft_ChangesItAndRecordsNoHistory()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var id = await CreateAsync(employer.Client);
        var body = Body("Warehouse team lead");
        body["hoursPerWeek"] = 24;

        using var response = await employer.Client.PutAsync($"{Route}/{id}", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answered = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", answered.GetProperty("status").GetString());
        var stored = await employer.Client.GetFromJsonAsync<JsonElement>($"{Route}/{id}");
        Assert.Equal("Warehouse team lead", stored.GetProperty("title").GetString());
        Assert.Equal(24, stored.GetProperty("hoursPerWeek").GetInt32());
        Assert.Empty(await ChangesAsync(employer.Client, id));
    }

    [Fact]
    public async Task Edit_Published_RecordsWhoWhenAndWhichFieldsAndStaysPublished()
    {
        using var author = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var colleague = await Staff.ColleagueAsync(_app, author, OrganisationKind.Employer);
        var id = await CreateAsync(author.Client, publish: true);
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var body = Body("Warehouse assistant, nights");
        body["skills"]!.AsArray().Add(new JsonObject { ["skillId"] = "teamwork", ["importance"] = 1, ["minimumLevel"] = 2 });

        using var response = await colleague.Client.PutAsync($"{Route}/{id}", Json(body));
        // The same body again changes nothing, so nothing more is recorded.
        using var again = await colleague.Client.PutAsync($"{Route}/{id}", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = await author.Client.GetFromJsonAsync<JsonElement>($"{Route}/{id}");
        Assert.Equal("published", stored.GetProperty("status").GetString());
        Assert.Equal(["reliability", "teamwork"], stored.GetProperty("skills").EnumerateArray().Select(skill => skill.GetProperty("skillId").GetString()));
        var change = Assert.Single(await ChangesAsync(author.Client, id));
        Assert.Equal(colleague.DisplayName, change.GetProperty("changedBy").GetString());
        Assert.InRange(change.GetProperty("changedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(["title", "skills"], change.GetProperty("fields").EnumerateArray().Select(field => field.GetString()));

        var moved = Body("Warehouse assistant, nights");
        moved["skills"] = body["skills"]!.DeepClone();
        moved["location"] = new JsonObject { ["latitude"] = 51.4416, ["longitude"] = 5.4697, ["place"] = "Eindhoven" };
        using var third = await author.Client.PutAsync($"{Route}/{id}", Json(moved));
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        var changes = await ChangesAsync(author.Client, id);
        Assert.Equal(2, changes.Length);
        Assert.Equal(["location"], changes[0].GetProperty("fields").EnumerateArray().Select(field => field.GetString()));
        Assert.Equal(author.DisplayName, changes[0].GetProperty("changedBy").GetString());
    }

    [Fact]
    public async Task Edit_EditorExportsThenErasesTheirAccount_TheHistoryKeepsTheChangeButNotThem()
    {
        using var author = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var colleague = await Staff.ColleagueAsync(_app, author, OrganisationKind.Employer);
        var id = await CreateAsync(author.Client, publish: true);
        var body = Body();
        body["hoursPerWeek"] = 36;
        using (var edited = await colleague.Client.PutAsync($"{Route}/{id}", Json(body)))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        using (colleague)
        {
            var export = await colleague.Client.GetFromJsonAsync<JsonElement>("/api/me/export");
            var own = Assert.Single(export.GetProperty("account").GetProperty("vacancyChanges").EnumerateArray());
            Assert.Equal(id, own.GetProperty("vacancyId").GetGuid());
            Assert.Equal(["hoursPerWeek"], own.GetProperty("fields").EnumerateArray().Select(field => field.GetString()));

            using var erased = await Hosting.Accounts.EraseAsync(colleague.Client);
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        var change = Assert.Single(await ChangesAsync(author.Client, id));
        Assert.Equal(JsonValueKind.Null, change.GetProperty("changedBy").ValueKind);
        Assert.Equal(["hoursPerWeek"], change.GetProperty("fields").EnumerateArray().Select(field => field.GetString()));
        Assert.Empty(await Privacy.TableScan.FindAsync(_app, colleague.Email, colleague.DisplayName, colleague.UserId.ToString()));
    }

    [Theory]
    [InlineData("hours-60", "hoursPerWeek")]
    [InlineData("latitude-200", "location.latitude")]
    [InlineData("no-title", "title")]
    [InlineData("unknown-skill", "skills[0].skillId")]
    public async Task Edit_BadInput_Is400NamingTheFieldAndChangesNothing(string scenario, string field)
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var id = await CreateAsync(employer.Client, publish: true);
        var body = Body("Changed title");
        switch (scenario)
        {
            case "hours-60": body["hoursPerWeek"] = 60; break;
            case "latitude-200": body["location"]!["latitude"] = 200; break;
            case "no-title": body["title"] = "  "; break;
            case "unknown-skill": body["skills"]![0]!["skillId"] = "juggling"; break;
            default: throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario.");
        }

        using var response = await employer.Client.PutAsync($"{Route}/{id}", Json(body));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        var stored = await employer.Client.GetFromJsonAsync<JsonElement>($"{Route}/{id}");
        Assert.Equal("Warehouse assistant", stored.GetProperty("title").GetString());
        Assert.Empty(await ChangesAsync(employer.Client, id));
    }

    [Fact]
    public async Task Edit_AnotherOrganisationsVacancy_Is404EvenWithBadInputAndChangesNothing()
    {
        using var owner = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var other = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var id = await CreateAsync(owner.Client, publish: true);
        var bad = Body("Taken over");
        bad["hoursPerWeek"] = 99;

        using var edit = await other.Client.PutAsync($"{Route}/{id}", Json(Body("Taken over")));
        using var badEdit = await other.Client.PutAsync($"{Route}/{id}", Json(bad));
        using var changes = await other.Client.GetAsync($"{Route}/{id}/changes");
        using var unknown = await owner.Client.PutAsync($"{Route}/{Guid.CreateVersion7()}", Json(Body()));

        await ProblemAssert.IsProblemAsync(edit, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(badEdit, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(changes, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        var stored = await owner.Client.GetFromJsonAsync<JsonElement>($"{Route}/{id}");
        Assert.Equal("Warehouse assistant", stored.GetProperty("title").GetString());
        Assert.Empty(await ChangesAsync(owner.Client, id));
    }

    [Fact]
    public async Task Edit_JobSeekerOrEducationPartner_Is403()
    {
        using var owner = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var school = await Staff.NewAsync(_app, OrganisationKind.EducationProvider);
        var id = await CreateAsync(owner.Client);
        var (jobSeeker, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (jobSeeker)
        {
            foreach (var client in new[] { jobSeeker, school.Client })
            {
                using var edit = await client.PutAsync($"{Route}/{id}", Json(Body("Not yours")));
                Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
            }
        }

        using var anonymous = _app.CreateClient();
        using var anonymousEdit = await anonymous.PutAsync($"{Route}/{id}", Json(Body("Not yours")));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousEdit.StatusCode);
    }

    [Fact]
    public async Task Edit_Closed_Is409AndStaysAsItWas()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var id = await CreateAsync(employer.Client, publish: true);
        using (var closed = await employer.Client.PostAsync($"{Route}/{id}/close", null))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        using var response = await employer.Client.PutAsync($"{Route}/{id}", Json(Body("Reopened")));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        var stored = await employer.Client.GetFromJsonAsync<JsonElement>($"{Route}/{id}");
        Assert.Equal("Warehouse assistant", stored.GetProperty("title").GetString());
        Assert.Equal("closed", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Edit_PublishedSkills_TheCandidateListAsksTheNewSkills()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var id = await MatchingScenario.PublishVacancyAsync(_app, employer.Client, "venlo", [("teamwork", 3, 3), ("planning", 1, 2)]);
        // Two people alike, so each card reads like another and shows the skills asked.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var (client, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(
                new Dictionary<string, int> { ["teamwork"] = 4, ["planning"] = 3, ["empathy"] = 4 }, "venlo", 32, ["logistics"]));
            client.Dispose();
        }

        AssertCardsAsk(await AskedSkillsAsync(employer.Client, id), ["teamwork", "planning"]);
        var place = MatchingScenario.PlaceOf(_app, "venlo");
        var body = Body($"Test job in {place.Name}");
        body["location"] = new JsonObject { ["latitude"] = place.Latitude, ["longitude"] = place.Longitude, ["place"] = place.Name };
        body["skills"] = new JsonArray(new JsonObject { ["skillId"] = "empathy", ["importance"] = 3, ["minimumLevel"] = 3 });
        body["mustHaves"] = new JsonArray();
        using (var edited = await employer.Client.PutAsync($"{Route}/{id}", Json(body)))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        AssertCardsAsk(await AskedSkillsAsync(employer.Client, id), ["empathy"]);
    }

    // A card may leave out a skill to read like the others in the list (people who passed every filter, ours and
    // others', share one list), but it never shows a skill the vacancy does not ask, and ours show them all.
    private static void AssertCardsAsk(List<string[]> cards, string[] asked)
    {
        Assert.All(cards, card => Assert.Subset(asked.ToHashSet(), card.ToHashSet()));
        Assert.Contains(cards, card => card.SequenceEqual(asked));
    }

    /// <summary>Per card of the vacancy's candidate list, the skills it shows; at least two cards.</summary>
    private static async Task<List<string[]>> AskedSkillsAsync(HttpClient employer, Guid id)
    {
        var list = await employer.GetFromJsonAsync<JsonElement>($"{Route}/{id}/matches?top=10");
        var cards = list.GetProperty("candidates").EnumerateArray()
            .Select(card => card.GetProperty("skills").EnumerateArray().Select(skill => skill.GetProperty("skillId").GetString()!).ToArray())
            .ToList();
        Assert.True(cards.Count >= 2, $"Only {cards.Count} candidates.");
        return cards;
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteVacancyEditApiTests(SqliteWebAppFixture fixture) : VacancyEditApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresVacancyEditApiTests(PostgresWebAppFixture fixture) : VacancyEditApiTests(fixture);
