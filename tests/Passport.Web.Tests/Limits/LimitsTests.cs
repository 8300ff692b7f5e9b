using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Data.Database;
using Passport.Domain.Organisations;
using Passport.Testing;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Matching;

namespace Passport.Web.Tests.Limits;

/// <summary>A host of its own with tiny <c>Limits</c>, so each limit is reached in a few requests.</summary>
public sealed class SqliteLimitsAppFixture : WebAppFixture
{
    public override StorageProvider Provider => StorageProvider.Sqlite;

    protected override PassportApp CreateApp(TestDatabase database) => new(database, LimitsTests.TinyLimits);
}

public sealed class PostgresLimitsAppFixture : WebAppFixture
{
    public override StorageProvider Provider => StorageProvider.Postgres;

    protected override PassportApp CreateApp(TestDatabase database) => new(database, LimitsTests.TinyLimits);
}

/// <summary>
/// What one account or organisation can create is capped: a full count answers 409 until something ends, a rate over
/// 24 hours answers 429 with <c>Retry-After</c>; both are problem details naming the limit.
/// </summary>
public abstract class LimitsTests(WebAppFixture fixture)
{
    public static readonly KeyValuePair<string, string?>[] TinyLimits =
    [
        new("Limits:ActiveShareLinksPerAccount", "2"),
        new("Limits:CredentialsPerDay", "2"),
        new("Limits:OpenVacanciesPerOrganisation", "2"),
        new("Limits:InvitationsPerVacancy", "1"),
        new("Limits:ConsentRequestsPerDay", "2"),
    ];

    private PassportApp App => fixture.App;

    [Fact]
    public async Task ShareLinks_AtTheActiveLimit_Return409UntilOneIsRevoked()
    {
        var (owner, _) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using (owner)
        {
            var first = await CreateLinkAsync(owner, HttpStatusCode.Created);
            await CreateLinkAsync(owner, HttpStatusCode.Created);

            using (var full = await PostLinkAsync(owner))
            {
                var problem = await ProblemAssert.IsProblemAsync(full, HttpStatusCode.Conflict);
                Assert.Equal(2, problem.GetProperty("limit").GetInt32());
                Assert.Contains("2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            Assert.Equal(2, (await owner.GetFromJsonAsync<JsonElement>("/api/me/share-links")).GetArrayLength());
            using (var revoked = await owner.DeleteAsync($"/api/me/share-links/{first.GetProperty("id").GetGuid()}"))
            {
                Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
            }

            await CreateLinkAsync(owner, HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task Credentials_OverTheDailyLimit_Return429WithRetryAfter()
    {
        var (owner, _) = await TestCandidates.AddAsync(App, new CandidateSpec(new Dictionary<string, int> { ["teamwork"] = 3 }, "eindhoven"));
        using (owner)
        {
            for (var i = 0; i < 2; i++)
            {
                using var issued = await owner.PostAsJsonAsync("/api/me/credentials", new { summary = true });
                Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
            }

            using var refused = await owner.PostAsJsonAsync("/api/me/credentials", new { skillId = "teamwork" });

            var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
            var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 24 * 60 * 60);
            Assert.Equal(retryAfter, problem.GetProperty("retryAfterSeconds").GetInt32());
            Assert.Equal(2, (await owner.GetFromJsonAsync<JsonElement>("/api/me/credentials")).GetArrayLength());
        }
    }

    [Fact]
    public async Task Vacancies_AtTheOpenLimit_Return409UntilOneIsClosed()
    {
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        var first = await CreateVacancyAsync(employer.Client, HttpStatusCode.Created);
        await CreateVacancyAsync(employer.Client, HttpStatusCode.Created);

        await CreateVacancyAsync(employer.Client, HttpStatusCode.Conflict);
        using (var closed = await employer.Client.PostAsync($"/api/employer/vacancies/{first}/close", null))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        await CreateVacancyAsync(employer.Client, HttpStatusCode.Created);
        Assert.Equal(3, (await employer.Client.GetFromJsonAsync<JsonElement>("/api/employer/vacancies")).GetArrayLength());
    }

    [Fact]
    public async Task Invitations_OverTheVacancysLimit_Return409AndAskNobody()
    {
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        var vacancyId = await MatchingScenario.PublishVacancyAsync(App, employer.Client, "tromso", [("learning", 2, 2)]);
        var (first, _) = await TestCandidates.AddAsync(App, new CandidateSpec(new Dictionary<string, int> { ["learning"] = 4 }, "tromso"));
        var (second, secondId) = await TestCandidates.AddAsync(App, new CandidateSpec(new Dictionary<string, int> { ["learning"] = 3 }, "tromso"));
        using (first)
        using (second)
        {
            var cards = (await MatchingScenario.MatchesAsync(employer.Client, vacancyId)).GetProperty("candidates").EnumerateArray()
                .Select(card => card.GetProperty("candidateRef").GetString()).ToList();
            Assert.Equal(2, cards.Count);

            using var invited = await employer.Client.PostAsJsonAsync($"/api/employer/vacancies/{vacancyId}/candidates/{cards[0]}/invitation", new { });
            using var refused = await employer.Client.PostAsJsonAsync($"/api/employer/vacancies/{vacancyId}/candidates/{cards[1]}/invitation", new { });

            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
            Assert.Equal(1, (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Conflict)).GetProperty("limit").GetInt32());
            var asked = await employer.Client.GetFromJsonAsync<JsonElement>("/api/people/requests");
            Assert.Equal(1, asked.GetArrayLength());
        }
    }

    [Fact]
    public async Task ConsentRequests_OverTheDailyLimit_Return429AndAskNobody()
    {
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        var people = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (client, id) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
            client.Dispose();
            people.Add(id);
        }

        foreach (var person in people.Take(2))
        {
            using var asked = await RequestAsync(employer.Client, person);
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        using var refused = await RequestAsync(employer.Client, people[2]);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.Equal(2, (await employer.Client.GetFromJsonAsync<JsonElement>("/api/people/requests")).GetArrayLength());
    }

    private static Task<HttpResponseMessage> RequestAsync(HttpClient staff, Guid person) =>
        staff.PostAsJsonAsync($"/api/people/{person}/consent-requests", new { categories = new[] { "skills" }, purpose = "A job interview" });

    private static Task<HttpResponseMessage> PostLinkAsync(HttpClient owner) =>
        owner.PostAsJsonAsync("/api/me/share-links", new { categories = new[] { "skills" }, expiresAt = DateTimeOffset.UtcNow.AddDays(7), label = "Job fair" });

    private static async Task<JsonElement> CreateLinkAsync(HttpClient owner, HttpStatusCode expected)
    {
        using var response = await PostLinkAsync(owner);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<Guid?> CreateVacancyAsync(HttpClient employer, HttpStatusCode expected)
    {
        using var response = await employer.PostAsJsonAsync("/api/employer/vacancies", new
        {
            title = "Warehouse assistant",
            sector = "logistics",
            location = new { place = "Eindhoven", latitude = 51.44, longitude = 5.47 },
            hoursPerWeek = 32,
            skills = new[] { new { skillId = "teamwork", importance = 3, minimumLevel = 2 } },
        });
        if (expected == HttpStatusCode.Conflict)
        {
            Assert.Equal(2, (await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict)).GetProperty("limit").GetInt32());
            return null;
        }

        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

public sealed class SqliteLimitsTests(SqliteLimitsAppFixture fixture) : LimitsTests(fixture), IClassFixture<SqliteLimitsAppFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresLimitsTests(PostgresLimitsAppFixture fixture) : LimitsTests(fixture), IClassFixture<PostgresLimitsAppFixture>;
