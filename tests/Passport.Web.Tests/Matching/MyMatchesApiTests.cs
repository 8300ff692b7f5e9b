using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Matching.MatchingScenario;

namespace Passport.Web.Tests.Matching;

/// <summary>A job seeker's own matches over HTTP: vacancies nearby with reasons and gaps, and pathways that open more of them.</summary>
public abstract class MyMatchesApiTests(WebAppFixture fixture)
{
    private const string Place = "amsterdam";

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task MyMatches_NoSprintPlayed_SaysNotMeasuredYet()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _client = client;

        var matches = await client.GetFromJsonAsync<JsonElement>("/api/me/matches");
        var pathways = await client.GetFromJsonAsync<JsonElement>("/api/me/pathways");

        Assert.False(matches.GetProperty("measured").GetBoolean());
        Assert.Equal(0, matches.GetProperty("vacancies").GetArrayLength());
        Assert.False(pathways.GetProperty("measured").GetBoolean());
    }

    [Fact]
    public async Task MyMatches_GapOnePathwayCloses_VacancyShowsTheGapAndThePathwayOpensIt()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var school = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        var vacancyId = await PublishVacancyAsync(_app, employer.Client, Place, [("planning", 3, 4), ("teamwork", 1, 2)]);
        var place = PlaceOf(_app, Place);
        using var created = await school.Client.PostAsJsonAsync("/api/education/pathways", new
        {
            title = $"Plan your work {Guid.NewGuid():N}"[..24],
            modules = new[] { new { title = "Planning in practice", weeks = 3 } },
            location = new { latitude = place.Latitude, longitude = place.Longitude, place = place.Name },
            capacity = 12,
            entryRequirements = Array.Empty<object>(),
            gains = new[] { new { skillId = "planning", expectedGain = 1.0 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var pathwayId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await school.Client.PostAsync($"/api/education/pathways/{pathwayId}/open", null)).Dispose();
        // Findable or not, a job seeker always sees their own matches.
        var (client, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(
            new Dictionary<string, int> { ["planning"] = 3, ["teamwork"] = 4 }, Place, Findable: false));
        using var _client = client;

        var matches = await client.GetFromJsonAsync<JsonElement>("/api/me/matches?top=100");

        Assert.True(matches.GetProperty("measured").GetBoolean());
        Assert.False(string.IsNullOrEmpty(matches.GetProperty("modelVersion").GetString()));
        var vacancies = matches.GetProperty("vacancies").EnumerateArray().ToList();
        var fits = vacancies.Select(v => v.GetProperty("fit").GetInt32()).ToList();
        Assert.Equal(fits.OrderDescending(), fits);
        var mine = vacancies.Single(v => v.GetProperty("vacancyId").GetGuid() == vacancyId);
        Assert.False(mine.GetProperty("reachesEveryMinimum").GetBoolean());
        Assert.Equal(0, mine.GetProperty("distanceKm").GetInt32());
        Assert.NotEmpty(mine.GetProperty("reasons").EnumerateArray());
        var gap = mine.GetProperty("gaps").EnumerateArray().Single();
        Assert.Equal("planning", gap.GetProperty("skillId").GetString());
        Assert.Equal(3, gap.GetProperty("level").GetInt32());
        Assert.Contains(gap.GetProperty("closedBy").EnumerateArray(), p => p.GetProperty("id").GetGuid() == pathwayId);

        var pathways = await client.GetFromJsonAsync<JsonElement>("/api/me/pathways");
        var listed = pathways.GetProperty("pathways").EnumerateArray().ToList();
        var opened = listed.Select(p => p.GetProperty("vacanciesOpened").GetInt32()).ToList();
        Assert.Equal(opened.OrderDescending(), opened);
        var ours = listed.Single(p => p.GetProperty("pathwayId").GetGuid() == pathwayId);
        Assert.True(ours.GetProperty("vacanciesOpened").GetInt32() >= 1);
        Assert.True(ours.GetProperty("canStart").GetBoolean());
        Assert.Contains(ours.GetProperty("closes").EnumerateArray(), c =>
            c.GetProperty("skillId").GetString() == "planning" && c.GetProperty("fromLevel").GetInt32() == 3 && c.GetProperty("toLevel").GetInt32() == 4);
    }

    [Fact]
    public async Task MyMatches_OtherCallersAndBadInput_AreRefused()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var anonymous = _app.CreateClient();
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _client = client;

        Assert.Equal(HttpStatusCode.Forbidden, (await employer.Client.GetAsync("/api/me/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.Client.GetAsync("/api/me/pathways")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/matches")).StatusCode);
        using var bad = await client.GetAsync("/api/me/matches?top=0");
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest);
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteMyMatchesApiTests(SqliteWebAppFixture fixture) : MyMatchesApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresMyMatchesApiTests(PostgresWebAppFixture fixture) : MyMatchesApiTests(fixture);
