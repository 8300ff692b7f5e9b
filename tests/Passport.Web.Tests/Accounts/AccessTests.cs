using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Accounts;

/// <summary>Who may call what: roles are enforced, and callers reach only their own data.</summary>
public abstract class AccessTests(WebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task JobSeekerEndpoint_EmployerToken_Returns403Problem()
    {
        using var employer = await _app.CreateClientForAsync("employer@demo.test");

        using var response = await employer.GetAsync("/api/me/preferences");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/api/organisation")]
    [InlineData("/api/admin/cluster")]
    [InlineData("/api/admin/organisations")]
    public async Task StaffAndAdminEndpoints_JobSeekerToken_Return403Problem(string path)
    {
        using var youth = await _app.CreateClientForAsync("youth@demo.test");

        using var response = await youth.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AdminEndpoint_EmployerToken_Returns403Problem()
    {
        using var employer = await _app.CreateClientForAsync("employer@demo.test");

        using var response = await employer.GetAsync("/api/admin/cluster");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Preferences_SetByOneJobSeeker_AreNotSeenByAnother()
    {
        var (first, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        var (second, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (first)
        using (second)
        {
            using var saved = await first.PutAsJsonAsync("/api/me/preferences",
                new { sectors = new[] { "logistics", "ict" }, hoursPerWeek = 24, homePlace = "eindhoven", openToMatching = true });
            var answered = await saved.Content.ReadFromJsonAsync<JsonElement>();
            var mine = await first.GetFromJsonAsync<JsonElement>("/api/me/preferences");
            var theirs = await second.GetFromJsonAsync<JsonElement>("/api/me/preferences");

            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal("eindhoven", answered.GetProperty("homePlace").GetString());
            Assert.True(answered.GetProperty("openToMatching").GetBoolean());
            Assert.Equal(["logistics", "ict"], mine.GetProperty("sectors").EnumerateArray().Select(sector => sector.GetString()));
            Assert.Equal(24, mine.GetProperty("hoursPerWeek").GetInt32());
            Assert.Equal("eindhoven", mine.GetProperty("homePlace").GetString());
            Assert.True(mine.GetProperty("openToMatching").GetBoolean());
            Assert.Empty(theirs.GetProperty("sectors").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, theirs.GetProperty("homePlace").ValueKind);
            Assert.False(theirs.GetProperty("openToMatching").GetBoolean());
        }
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    public async Task Preferences_WithoutToken_Returns401Problem(string method)
    {
        using var anonymous = _app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/me/preferences")
        {
            Content = method == "PUT" ? JsonContent.Create(new { sectors = Array.Empty<string>(), homePlace = "eindhoven", openToMatching = true }) : null,
        };

        using var response = await anonymous.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Preferences_UnknownHomePlace_Returns400AndChangesNothing()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            (await client.PutAsJsonAsync("/api/me/preferences", new { sectors = new[] { "retail" }, hoursPerWeek = 16, homePlace = "helmond", openToMatching = false }))
                .EnsureSuccessStatusCode();

            using var response = await client.PutAsJsonAsync("/api/me/preferences",
                new { sectors = new[] { "ict" }, hoursPerWeek = 32, homePlace = "atlantis", openToMatching = true });

            var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.Equal(["homePlace"], errors.EnumerateObject().Select(error => error.Name));
            Assert.Contains("atlantis", errors.GetProperty("homePlace")[0].GetString(), StringComparison.Ordinal);
            var stored = await client.GetFromJsonAsync<JsonElement>("/api/me/preferences");
            Assert.Equal(["retail"], stored.GetProperty("sectors").EnumerateArray().Select(sector => sector.GetString()));
            Assert.Equal(16, stored.GetProperty("hoursPerWeek").GetInt32());
            Assert.Equal("helmond", stored.GetProperty("homePlace").GetString());
            Assert.False(stored.GetProperty("openToMatching").GetBoolean());
        }
    }

    [Fact]
    public async Task Preferences_PlaceAndMatchingLeftOut_AreClearedLikeEveryOtherMember()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            (await client.PutAsJsonAsync("/api/me/preferences", new { sectors = new[] { "retail" }, homePlace = "helmond", openToMatching = true }))
                .EnsureSuccessStatusCode();

            using var response = await client.PutAsJsonAsync("/api/me/preferences", new { sectors = new[] { "retail" } });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var stored = await client.GetFromJsonAsync<JsonElement>("/api/me/preferences");
            Assert.Equal(JsonValueKind.Null, stored.GetProperty("homePlace").ValueKind);
            Assert.False(stored.GetProperty("openToMatching").GetBoolean());
        }
    }

    [Fact]
    public async Task Preferences_UnknownSectorAndTooManyHours_Returns400AndKeepsTheStoredOnes()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            (await client.PutAsJsonAsync("/api/me/preferences", new { sectors = new[] { "retail" }, hoursPerWeek = 16 })).Dispose();

            using var response = await client.PutAsJsonAsync("/api/me/preferences", new { sectors = new[] { "retail", "mining" }, hoursPerWeek = 90 });

            var errors = (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("sectors", out _));
            Assert.True(errors.TryGetProperty("hoursPerWeek", out _));
            var stored = await client.GetFromJsonAsync<JsonElement>("/api/me/preferences");
            Assert.Equal(16, stored.GetProperty("hoursPerWeek").GetInt32());
        }
    }

    [Fact]
    public async Task Organisation_Employer_SeesTheirOwnOrganisation()
    {
        using var employer = await _app.CreateClientForAsync("employer@demo.test");

        var me = await employer.GetFromJsonAsync<JsonElement>("/api/me");
        var organisation = await employer.GetFromJsonAsync<JsonElement>("/api/organisation");

        Assert.Equal(["Employer"], me.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.Equal(me.GetProperty("organisationId").GetString(), organisation.GetProperty("id").GetString());
        Assert.Equal("Employer", organisation.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Organisation_CoachEditsProfile_IsStoredForTheirOrganisationOnly()
    {
        using var coach = await _app.CreateClientForAsync("coach@demo.test");
        using var employer = await _app.CreateClientForAsync("employer@demo.test");
        var before = await employer.GetFromJsonAsync<JsonElement>("/api/organisation");
        var description = $"Open on Tuesdays ({Guid.NewGuid():N})";

        using var invalid = await coach.PutAsJsonAsync("/api/organisation", new { website = "javascript:alert(1)" });
        using var valid = await coach.PutAsJsonAsync("/api/organisation",
            new { place = "Eindhoven", website = "https://youthdesk.example", description });

        await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(description, (await coach.GetFromJsonAsync<JsonElement>("/api/organisation")).GetProperty("description").GetString());
        Assert.Equal(before.GetRawText(), (await employer.GetFromJsonAsync<JsonElement>("/api/organisation")).GetRawText());
    }

    [Fact]
    public async Task AdminOrganisations_Admin_CreatesAndListsAnOrganisation()
    {
        using var admin = await _app.CreateClientForAsync("admin@demo.test");
        var name = $"Harbour Logistics {Guid.NewGuid():N}";

        using var created = await admin.PostAsJsonAsync("/api/admin/organisations", new { kind = "Employer", name, sector = "logistics" });
        using var invalid = await admin.PostAsJsonAsync("/api/admin/organisations", new { kind = "1", name });
        var one = await admin.GetFromJsonAsync<JsonElement>(created.Headers.Location);
        var firstPage = await admin.GetFromJsonAsync<JsonElement>("/api/admin/organisations?pageSize=2");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True((await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("kind", out _));
        Assert.Equal(name, one.GetProperty("name").GetString());
        Assert.Equal(2, firstPage.GetArrayLength());
    }

    [Fact]
    public async Task Cluster_Admin_ListsThisHostsActiveSilo()
    {
        using var admin = await _app.CreateClientForAsync("admin@demo.test");

        var cluster = await admin.GetFromJsonAsync<JsonElement>("/api/admin/cluster");

        var silo = Assert.Single(cluster.GetProperty("silos").EnumerateArray());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteAccessTests(SqliteWebAppFixture fixture) : AccessTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresAccessTests(PostgresWebAppFixture fixture) : AccessTests(fixture);
