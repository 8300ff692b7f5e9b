using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Passport.Data.Database;
using Passport.Testing;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Sprints;

namespace Passport.Web.Tests.Sharing;

/// <summary>
/// Share links end to end: the owner makes a link, someone without an account opens it and sees only the chosen
/// categories, the owner sees that read in their access log, and revoked, expired and unknown links all answer 404.
/// </summary>
public abstract class ShareLinksApiTests(WebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    [Fact]
    public async Task Open_Anonymous_ShowsOnlyTheChosenCategoriesAndTheOwnerSeesTheRead()
    {
        var (owner, _) = await NewOwnerAsync(playSprint: true);
        using (owner)
        {
            var createdAt = DateTimeOffset.UtcNow;
            using var response = await owner.PostAsJsonAsync("/api/me/share-links", new
            {
                categories = new[] { "skills" },
                expiresAt = DateTimeOffset.UtcNow.AddDays(7),
                label = "For the job fair",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var created = await response.Content.ReadFromJsonAsync<JsonElement>();
            var token = created.GetProperty("token").GetString()!;
            Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
            Assert.Equal(new Uri(App.Address, $"/shared/{token}"), new Uri(created.GetProperty("url").GetString()!));
            Assert.StartsWith("<svg", created.GetProperty("qrSvg").GetString()!, StringComparison.Ordinal);
            Assert.Equal(["skills"], Names(created.GetProperty("categories")));
            Assert.Equal("For the job fair", created.GetProperty("label").GetString());

            using var anonymous = App.CreateClient();
            using var opened = await anonymous.GetAsync($"/api/shared/{token}");

            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            AssertPrivateHeaders(opened);
            var shared = await opened.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(["skills"], Names(shared.GetProperty("categories")));
            Assert.Contains(shared.GetProperty("skills").EnumerateArray(), skill => skill.GetProperty("skillId").GetString() == "problem-solving");
            Assert.False(shared.TryGetProperty("contact", out _));
            Assert.False(shared.TryGetProperty("sprintDetails", out _));
            Assert.DoesNotContain("Robin", shared.GetRawText(), StringComparison.Ordinal);
            Assert.False(shared.TryGetProperty("personId", out _));

            var read = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/access-log")).EnumerateArray());
            Assert.Equal("shareLink", read.GetProperty("channel").GetString());
            Assert.Equal("For the job fair", read.GetProperty("reader").GetString());
            Assert.Equal(["skills"], Names(read.GetProperty("categories")));
            Assert.True(read.GetProperty("at").GetDateTimeOffset() >= createdAt.AddSeconds(-5));

            var link = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/share-links")).EnumerateArray());
            Assert.Equal("active", link.GetProperty("status").GetString());
            Assert.Equal(1, link.GetProperty("openCount").GetInt32());
            Assert.NotEqual(JsonValueKind.Null, link.GetProperty("lastOpenedAt").ValueKind);
            Assert.False(link.TryGetProperty("token", out _));
            Assert.DoesNotContain(token, link.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Open_ContactChosen_ShowsNameAndEmail()
    {
        var (owner, email) = await NewOwnerAsync();
        using (owner)
        {
            var token = await CreateAsync(owner, ["contact", "experiences"]);

            using var anonymous = App.CreateClient();
            var shared = await anonymous.GetFromJsonAsync<JsonElement>($"/api/shared/{token}");

            Assert.Equal(["experiences", "contact"], Names(shared.GetProperty("categories")));
            Assert.Equal("Robin", shared.GetProperty("contact").GetProperty("name").GetString());
            Assert.Equal(email, shared.GetProperty("contact").GetProperty("email").GetString());
            Assert.False(shared.TryGetProperty("skills", out _));
        }
    }

    [Fact]
    public async Task Open_RevokedLink_Returns404AndIsNotLogged()
    {
        var (owner, _) = await NewOwnerAsync();
        using (owner)
        {
            var token = await CreateAsync(owner, ["skills"]);
            var id = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/share-links")).EnumerateArray()).GetProperty("id").GetString();

            using (var revoked = await owner.DeleteAsync($"/api/me/share-links/{id}"))
            {
                Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
            }

            using var anonymous = App.CreateClient();
            using var response = await anonymous.GetAsync($"/api/shared/{token}");

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
            AssertPrivateHeaders(response);
            var link = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/share-links")).EnumerateArray());
            Assert.Equal("revoked", link.GetProperty("status").GetString());
            Assert.Equal(0, link.GetProperty("openCount").GetInt32());
            Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/me/access-log")).EnumerateArray());
            using var again = await owner.DeleteAsync($"/api/me/share-links/{id}");
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }
    }

    [Fact]
    public async Task Open_ExpiredLink_Returns404LikeAnUnknownOne()
    {
        var (owner, _) = await NewOwnerAsync();
        using (owner)
        {
            // A link can only be made with a future end; one that ends a moment from now has lapsed when opened.
            using var created = await owner.PostAsJsonAsync("/api/me/share-links", new { categories = new[] { "skills" }, expiresAt = DateTimeOffset.UtcNow.AddSeconds(3) });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var body = await created.Content.ReadFromJsonAsync<JsonElement>();
            await WaitUntilAsync(body.GetProperty("expiresAt").GetDateTimeOffset());

            using var anonymous = App.CreateClient();
            using var expired = await anonymous.GetAsync($"/api/shared/{body.GetProperty("token").GetString()}");
            using var unknown = await anonymous.GetAsync($"/api/shared/{NewToken()}");

            var expiredProblem = await ProblemAssert.IsProblemAsync(expired, HttpStatusCode.NotFound);
            var unknownProblem = await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
            Assert.Equal(unknownProblem.GetProperty("detail").GetString(), expiredProblem.GetProperty("detail").GetString());
            var link = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/share-links")).EnumerateArray());
            Assert.Equal("expired", link.GetProperty("status").GetString());
            Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/me/access-log")).EnumerateArray());
        }
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Open_UnknownToken_Returns404WithPrivateHeaders(string token)
    {
        using var anonymous = App.CreateClient();

        using var response = await anonymous.GetAsync($"/api/shared/{token}");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        AssertPrivateHeaders(response);
    }

    [Fact]
    public async Task SharedPage_UnknownToken_Returns404PageWithPrivateHeaders()
    {
        using var anonymous = App.CreateClient();

        using var response = await anonymous.GetAsync($"/shared/{NewToken()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertPrivateHeaders(response);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedPage_ActiveLink_IsNotIndexedAndShowsOnlyTheChosenCategories()
    {
        var (owner, email) = await NewOwnerAsync();
        using (owner)
        {
            var token = await CreateAsync(owner, ["skills"]);
            using var anonymous = App.CreateClient();

            using var response = await anonymous.GetAsync($"/shared/{token}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertPrivateHeaders(response);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<meta name=\"robots\" content=\"noindex\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"skills-heading\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain(email, html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Robin", html, StringComparison.Ordinal);
            var log = await owner.GetFromJsonAsync<JsonElement>("/api/me/access-log");
            Assert.Equal("shareLink", Assert.Single(log.EnumerateArray()).GetProperty("channel").GetString());
        }
    }

    [Fact]
    public async Task Revoke_AnotherOwnersLink_Returns404AndTheLinkStillWorks()
    {
        var (owner, _) = await NewOwnerAsync();
        var (stranger, _) = await NewOwnerAsync();
        using (owner)
        using (stranger)
        {
            var token = await CreateAsync(owner, ["skills"]);
            var id = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/share-links")).EnumerateArray()).GetProperty("id").GetString();

            using var response = await stranger.DeleteAsync($"/api/me/share-links/{id}");
            using var unknown = await owner.DeleteAsync($"/api/me/share-links/{Guid.NewGuid()}");

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
            Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/me/share-links")).EnumerateArray());
            using var anonymous = App.CreateClient();
            using var opened = await anonymous.GetAsync($"/api/shared/{token}");
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }
    }

    [Fact]
    public async Task ShareLinks_Staff_Returns403()
    {
        using var employer = await App.CreateClientForAsync("employer@demo.test");

        using var list = await employer.GetAsync("/api/me/share-links");
        using var create = await employer.PostAsJsonAsync("/api/me/share-links", new { categories = new[] { "skills" }, expiresAt = DateTimeOffset.UtcNow.AddDays(1) });

        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ShareLinks_Anonymous_Returns401()
    {
        using var anonymous = App.CreateClient();

        using var response = await anonymous.GetAsync("/api/me/share-links");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ "categories": [], "expiresAt": "{in7days}" }""", "categories")]
    [InlineData("""{ "categories": ["skills", "salary"], "expiresAt": "{in7days}" }""", "categories")]
    [InlineData("""{ "categories": ["skills"] }""", "expiresAt")]
    [InlineData("""{ "categories": ["skills"], "expiresAt": "2020-01-01T00:00:00Z" }""", "expiresAt")]
    [InlineData("""{ "categories": ["skills"], "expiresAt": "{in91days}" }""", "expiresAt")]
    [InlineData("""{ "categories": ["skills"], "expiresAt": "{in7days}", "label": "{81}" }""", "label")]
    public async Task Create_BadInput_Returns400AndStoresNothing(string template, string field)
    {
        var (owner, _) = await NewOwnerAsync();
        using (owner)
        {
            var body = template
                .Replace("{in7days}", DateTimeOffset.UtcNow.AddDays(7).ToString("O"), StringComparison.Ordinal)
                .Replace("{in91days}", DateTimeOffset.UtcNow.AddDays(91).ToString("O"), StringComparison.Ordinal)
                .Replace("{81}", new string('a', 81), StringComparison.Ordinal);

            using var response = await owner.PostAsync("/api/me/share-links", new StringContent(body, Encoding.UTF8, "application/json"));

            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
            Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/me/share-links")).EnumerateArray());
        }
    }

    [Fact]
    public async Task Create_MalformedEndDate_Returns400AndStoresNothing()
    {
        var (owner, _) = await NewOwnerAsync();
        using (owner)
        {
            using var response = await owner.PostAsync("/api/me/share-links", new StringContent(
                """{ "categories": ["skills"], "expiresAt": "next friday" }""", Encoding.UTF8, "application/json"));

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/me/share-links")).EnumerateArray());
        }
    }

    private async Task<(HttpClient Client, string Email)> NewOwnerAsync(bool playSprint = false)
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        if (playSprint)
        {
            await using var player = await SprintPlayer.ConnectAsync(App, client.DefaultRequestHeaders.Authorization!.Parameter!);
            await player.PlayToEndAsync((await player.StartAsync("fix-it")).GetProperty("sessionId").GetString()!);
        }

        return (client, email);
    }

    private static async Task<string> CreateAsync(HttpClient owner, string[] categories)
    {
        using var response = await owner.PostAsJsonAsync("/api/me/share-links", new { categories, expiresAt = DateTimeOffset.UtcNow.AddDays(7) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    /// <summary>A well-formed token that no link has.</summary>
    private static string NewToken() => Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray())
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static IEnumerable<string?> Names(JsonElement array) => array.EnumerateArray().Select(item => item.GetString());

    private static void AssertPrivateHeaders(HttpResponseMessage response)
    {
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("noindex", Assert.Single(response.Headers.GetValues("X-Robots-Tag")));
    }

    /// <summary>Waits for the wall clock the host reads to pass an instant (the link's own end), polling briefly.</summary>
    private static async Task WaitUntilAsync(DateTimeOffset instant)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (DateTimeOffset.UtcNow <= instant)
        {
            await timer.WaitForNextTickAsync();
        }
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteShareLinksApiTests(SqliteWebAppFixture fixture) : ShareLinksApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresShareLinksApiTests(PostgresWebAppFixture fixture) : ShareLinksApiTests(fixture);

/// <summary>The public link routes are rate-limited per address, so tokens cannot be tried at speed.</summary>
public sealed class ShareLinkRateLimitTests
{
    [Fact]
    public async Task Open_OverTheRateLimit_Returns429ProblemWithRetryAfter()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new PassportApp(database, [new("RateLimits:ShareLinkPermitsPerMinute", "2")]);
        app.StartServer();
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await client.GetAsync($"/api/shared/attempt-{attempt}");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests);
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }
}
