using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Database;
using Passport.Domain.Organisations;
using Passport.Grains.JobSeekers;
using Passport.Grains.Workshops;
using Passport.Testing;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Sprints;

namespace Passport.Web.Tests.Privacy;

/// <summary>The owner's rights: a complete export of their data, and an erasure that leaves nothing behind.</summary>
public abstract class RightsApiTests(WebAppFixture fixture)
{
    private const string DemoCoach = "0193a000-0000-7000-8000-000000000004";
    private const string DemoMunicipality = "0193a000-0000-7000-8000-000000000103";

    private PassportApp App => fixture.App;

    [Fact]
    public async Task Erase_JobSeekerWithSprintsConsentsReadsAndWorkshop_LeavesNoTraceInAnyTable()
    {
        var person = await NewPersonWithDataAsync();
        using var employer = person.Employer;
        using var owner = person.Client;

        using var erased = await Hosting.Accounts.EraseAsync(owner);

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Empty(await TableScan.FindAsync(App, person.Email, person.Name, person.Id.ToString()));
        using (var anonymous = App.CreateClient())
        using (var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = person.Email, password = Hosting.Accounts.Password }))
        {
            Assert.False(login.IsSuccessStatusCode);
        }

        using var me = await owner.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        using var read = await employer.Client.GetAsync($"/api/people/{person.Id}/passport");
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound);
        using var demoEmployer = await App.CreateClientForAsync("employer@demo.test");
        using var demoRead = await demoEmployer.GetAsync($"/api/people/{person.Id}/passport");
        await ProblemAssert.IsProblemAsync(demoRead, HttpStatusCode.NotFound);
        using var verifier = App.CreateClient();
        var credential = await Credentials.CredentialClient.VerifyWithJoseAsync(verifier, person.CredentialJwt);
        Assert.True(await Credentials.CredentialClient.IsRevokedInStatusListAsync(verifier, credential));
        var board = await App.Services.GetRequiredService<IGrainFactory>().GetGrain<IWorkshopGrain>(person.WorkshopId).GetBoardAsync(Guid.Parse(DemoCoach), Guid.Parse(DemoMunicipality));
        Assert.DoesNotContain(board!.Participants, participant => participant.DisplayName == person.Name);
    }

    [Fact]
    public async Task Erase_StaffMember_LeavesTheReadButNotTheirNameInTheOwnersLog()
    {
        var (owner, ownerId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        using (employer)
        {
            await GrantAsync(owner, employer.OrganisationId);
            (await employer.Client.GetAsync($"/api/people/{ownerId}/passport")).Dispose();
            (await employer.Client.PostAsJsonAsync($"/api/people/{ownerId}/endorsements", new { skillId = "planning", evidence = "Planned the stock count on her own." })).EnsureSuccessStatusCode();

            using var erased = await Hosting.Accounts.EraseAsync(employer.Client);

            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
            var entry = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/access-log")).EnumerateArray());
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("reader").ValueKind);
            Assert.Equal(employer.OrganisationId, entry.GetProperty("organisationId").GetGuid());
            Assert.Empty(await TableScan.FindAsync(App, employer.Email, employer.DisplayName, employer.UserId.ToString()));
            var endorsement = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/endorsements")).EnumerateArray());
            Assert.Equal("Planned the stock count on her own.", endorsement.GetProperty("evidence").GetString());
        }
    }

    [Fact]
    public async Task Export_Owner_HoldsEverySectionOfTheirData()
    {
        var person = await NewPersonWithDataAsync();
        using var employer = person.Employer;
        using var owner = person.Client;

        using var response = await owner.GetAsync("/api/me/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var export = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(person.Email, export.GetProperty("account").GetProperty("email").GetString());
        var preferences = export.GetProperty("account").GetProperty("preferences");
        Assert.Equal("eindhoven", preferences.GetProperty("homePlace").GetString());
        Assert.True(preferences.GetProperty("openToMatching").GetBoolean());
        Assert.NotEmpty(export.GetProperty("sprints").GetProperty("answers").EnumerateArray());
        Assert.NotEmpty(export.GetProperty("sprints").GetProperty("passport").GetProperty("skills").EnumerateArray());
        Assert.Single(export.GetProperty("consent").GetProperty("consents").EnumerateArray());
        Assert.Equal("given", Assert.Single(export.GetProperty("consent").GetProperty("records").EnumerateArray()).GetProperty("event").GetString());
        Assert.Single(export.GetProperty("consent").GetProperty("accessLog").EnumerateArray());
        Assert.Equal(person.WorkshopId, Assert.Single(export.GetProperty("workshops").EnumerateArray()).GetProperty("workshopId").GetGuid());
        Assert.Equal("Shelf stacker", Assert.Single(export.GetProperty("records").GetProperty("experiences").EnumerateArray()).GetProperty("title").GetString());
        Assert.Single(export.GetProperty("records").GetProperty("endorsements").EnumerateArray());
        Assert.Equal("Job fair", Assert.Single(export.GetProperty("shareLinks").EnumerateArray()).GetProperty("label").GetString());
        Assert.Equal("teamwork", Assert.Single(export.GetProperty("credentials").EnumerateArray()).GetProperty("skillId").GetString());
    }

    [Fact]
    public async Task Export_OfAnotherPerson_IsNeverIncluded()
    {
        var person = await NewPersonWithDataAsync();
        var (stranger, _) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using var employer = person.Employer;
        using var owner = person.Client;
        using (stranger)
        {
            var export = await stranger.GetStringAsync("/api/me/export");

            Assert.DoesNotContain(person.Email, export, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.Id.ToString(), export, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Erase_WithoutThePassword_Returns400AndKeepsTheAccount(string? password)
    {
        var (owner, _) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using (owner)
        {
            using var refused = await Hosting.Accounts.EraseAsync(owner, password);
            using var emptyBody = await owner.DeleteAsync("/api/me");

            var errors = (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("password", out _));
            await ProblemAssert.IsProblemAsync(emptyBody, HttpStatusCode.BadRequest);
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/me")).StatusCode);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("on")]
    public async Task Erase_PageFormWithoutTheTickedConfirmation_AsksAgainAndKeepsTheAccount(string? confirm)
    {
        var (owner, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using var page = Accounts.PageForms.NewBrowserlikeClient(App);
        (await Accounts.PageForms.SignInAsync(page, email, Hosting.Accounts.Password)).Dispose();
        using (owner)
        {
            List<KeyValuePair<string, string>> fields = [new("password", Hosting.Accounts.Password)];
            if (confirm is not null)
            {
                fields.Add(new("confirm", confirm));
            }

            using var refused = await Accounts.PageForms.PostFormAsync(page, "/me/data", "", fields, action: "/me/data/erase");

            Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
            Assert.Equal("/me/data?confirm=missing", refused.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/me")).StatusCode);
            var question = await page.GetStringAsync("/me/data?confirm=missing");
            Assert.Contains("Tick the box first to show you understand.", question, StringComparison.Ordinal);
            // No default: the box is never ticked for the person, also not when the question is asked again.
            var box = System.Text.RegularExpressions.Regex.Match(question, "<input type=\"checkbox\" id=\"confirm\"[^>]*>").Value;
            Assert.NotEmpty(box);
            Assert.DoesNotContain("checked", box, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Erase_WrongPassword_Returns403AndKeepsTheAccount()
    {
        var (owner, _) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using (owner)
        {
            using var refused = await Hosting.Accounts.EraseAsync(owner, "not my password");

            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/me")).StatusCode);
        }
    }

    [Theory]
    [InlineData("GET", "/api/me/export")]
    [InlineData("DELETE", "/api/me")]
    public async Task Rights_Anonymous_Return401(string method, string path)
    {
        using var anonymous = App.CreateClient();

        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    protected sealed record PersonWithData(HttpClient Client, Guid Id, string Email, string Name, Staff.Member Employer, Guid WorkshopId, string CredentialJwt);

    private Task<PersonWithData> NewPersonWithDataAsync() => NewPersonWithDataAsync(App);

    /// <summary>A job seeker with a unique name who played a sprint, set preferences, joined a workshop and shared with an employer who read it.</summary>
    protected static async Task<PersonWithData> NewPersonWithDataAsync(PassportApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = Hosting.Accounts.NewEmail();
        var name = $"Erin{Guid.NewGuid():N}"[..16];
        using (var anonymous = app.CreateClient())
        using (var registered = await Hosting.Accounts.RegisterAsync(anonymous, email, new { email, password = Hosting.Accounts.Password, displayName = name, birthYear = 2000, language = "en" }))
        {
            registered.EnsureSuccessStatusCode();
        }

        var token = await app.LoginAsync(email, Hosting.Accounts.Password);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var id = (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        (await client.PutAsJsonAsync("/api/me/preferences", new { sectors = new[] { "logistics" }, hoursPerWeek = 24, homePlace = "eindhoven", openToMatching = true })).EnsureSuccessStatusCode();
        await using (var player = await SprintPlayer.ConnectAsync(app, token))
        {
            await player.PlayToEndAsync((await player.StartAsync("team-shift")).GetProperty("sessionId").GetString()!);
        }

        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var workshopId = Guid.NewGuid();
        await grains.GetGrain<IWorkshopGrain>(workshopId).OpenAsync(Guid.Parse(DemoCoach), Guid.Parse(DemoMunicipality), "Rights test group");
        Assert.True(await grains.GetGrain<IJobSeekerGrain>(id).JoinWorkshopAsync(workshopId, name));

        (await client.PostAsJsonAsync("/api/me/experiences", new { kind = "work", title = "Shelf stacker", organisation = "Corner shop", startedOn = "2024-06-01" })).EnsureSuccessStatusCode();
        using (var link = await client.PostAsJsonAsync("/api/me/share-links", new { categories = new[] { "skills" }, expiresAt = DateTimeOffset.UtcNow.AddDays(7), label = "Job fair" }))
        {
            link.EnsureSuccessStatusCode();
        }

        var employer = await Staff.NewAsync(app, OrganisationKind.Employer);
        await GrantAsync(client, employer.OrganisationId);
        (await employer.Client.GetAsync($"/api/people/{id}/passport")).EnsureSuccessStatusCode();
        using (var endorsed = await employer.Client.PostAsJsonAsync($"/api/people/{id}/endorsements", new { skillId = "teamwork", evidence = "Helped the new colleague every morning." }))
        {
            endorsed.EnsureSuccessStatusCode();
            var endorsementId = (await endorsed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            (await client.PostAsync($"/api/me/endorsements/{endorsementId}/accept", null)).EnsureSuccessStatusCode();
        }

        var (_, jwt) = await Credentials.CredentialClient.CreateAsync(client, new { skillId = "teamwork" });
        return new PersonWithData(client, id, email, name, employer, workshopId, jwt);
    }

    private static async Task GrantAsync(HttpClient owner, Guid organisationId)
    {
        using var response = await owner.PostAsJsonAsync("/api/me/consents", new
        {
            audience = new { organisationId },
            categories = new[] { "skills", "contact" },
            purpose = "Job interview",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteRightsApiTests(SqliteWebAppFixture fixture) : RightsApiTests(fixture)
{
    /// <summary>
    /// The embedded default as an operator runs it: a host of its own on a fresh data folder; after the erasure every
    /// byte of every file there (database, write-ahead log, shared memory, lock) is read, while it runs and once stopped.
    /// </summary>
    [Fact]
    public async Task Erase_EmbeddedDatabase_LeavesNoBytesOfThePersonInAnyFileOfTheDataFolder()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        string[] traces;
        await using (var app = new PassportApp(database))
        {
            app.StartServer();
            var person = await NewPersonWithDataAsync(app);
            using var employer = person.Employer;
            using var owner = person.Client;
            (string PasswordHash, string SecurityStamp) secrets;
            await using (var connection = await app.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync())
            {
                secrets = await connection.QuerySingleAsync<(string, string)>(
                    "SELECT password_hash, security_stamp FROM users WHERE id = @id", new { id = person.Id });
            }

            traces = [person.Email, person.Name, person.Id.ToString(), secrets.PasswordHash, secrets.SecurityStamp];
            Assert.Contains(FileScan.Find(database.Folder, traces), found => found.EndsWith(person.Email, StringComparison.Ordinal));

            using var erased = await Hosting.Accounts.EraseAsync(owner);

            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
            // While the host runs, the cleanup after the erasure empties the write-ahead log of older page copies.
            await Eventually.HoldsAsync(
                () => Task.FromResult(string.Join(", ", FileScan.Find(database.Folder, traces))),
                found => found.Length == 0,
                TimeSpan.FromSeconds(30),
                "no trace in the running host's files");
        }

        Assert.Empty(FileScan.Find(database.Folder, traces));
    }
}

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresRightsApiTests(PostgresWebAppFixture fixture) : RightsApiTests(fixture);
