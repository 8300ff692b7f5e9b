using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Journeys;

/// <summary>The journey: the young person's own turning points with their plan, contact persons and hand-overs; professionals only under plan consent, logged.</summary>
public abstract class JourneyApiTests(WebAppFixture fixture)
{
    // Days are counted on the host's own clock, the one that judges "not in the future".
    private string Yesterday => Day(-1);

    private PassportApp App => fixture.App;

    private string Day(int offset) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TimeProvider>(App.Services).GetUtcNow().AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task MyJourney_AddTurningPoints_ShowsThemWithTheStatusTheyAddUpTo()
    {
        var (youth, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (youth)
        {
            using var left = await youth.PostAsJsonAsync("/api/me/journey/events", new { kind = "leftSchool", occurredOn = "2025-06-30", note = "  Too much theory.  " });
            using var started = await youth.PostAsJsonAsync("/api/me/journey/events", new { kind = "startedWork", occurredOn = Yesterday });

            Assert.Equal(HttpStatusCode.Created, left.StatusCode);
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            var journey = await youth.GetFromJsonAsync<JsonElement>("/api/me/journey");
            Assert.Equal("work", journey.GetProperty("status").GetString());
            var points = journey.GetProperty("entries").EnumerateArray().ToList();
            Assert.Equal(["leftSchool", "startedWork"], points.Select(entry => entry.GetProperty("turningPoint").GetString()));
            Assert.Equal("Too much theory.", points[0].GetProperty("note").GetString());
            Assert.Equal("2025-06-30", points[0].GetProperty("on").GetString());
        }
    }

    [Fact]
    public async Task AddEvent_FutureUnknownKindTooLongNote_Returns400WithFieldErrorsAndStoresNothing()
    {
        var (youth, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (youth)
        {
            var future = Day(5);
            using var bad = await youth.PostAsJsonAsync("/api/me/journey/events", new { kind = "wonTheLottery", occurredOn = future, note = new string('a', 501) });
            using var empty = await youth.PostAsJsonAsync("/api/me/journey/events", new { });
            using var badDate = await youth.PostAsync(
                "/api/me/journey/events", new StringContent("""{"kind":"moved","occurredOn":"last week"}""", System.Text.Encoding.UTF8, "application/json"));

            var problem = await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest);
            Assert.Equal(["kind", "note", "occurredOn"], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order());
            var missing = await ProblemAssert.IsProblemAsync(empty, HttpStatusCode.BadRequest);
            Assert.Equal(["kind", "occurredOn"], missing.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order());
            Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
            Assert.Empty((await youth.GetFromJsonAsync<JsonElement>("/api/me/journey")).GetProperty("entries").EnumerateArray());
        }
    }

    [Fact]
    public async Task PersonJourney_OnlyWithPlanConsent_ReadLoggedAndStaffAddsUnderTheirName()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        {
            await JourneyArrange.GrantAsync(youth, coach.OrganisationId, "skills");
            using (var noPlanConsent = await coach.Client.GetAsync($"/api/people/{youthId}/journey"))
            using (var noPlanAdd = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/journey/events", new { kind = "moved", occurredOn = Yesterday }))
            using (var unknown = await coach.Client.GetAsync($"/api/people/{Guid.NewGuid()}/journey"))
            {
                await ProblemAssert.IsProblemAsync(noPlanConsent, HttpStatusCode.NotFound);
                await ProblemAssert.IsProblemAsync(noPlanAdd, HttpStatusCode.NotFound);
                await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
            }

            Assert.Empty((await youth.GetFromJsonAsync<JsonElement>("/api/me/journey")).GetProperty("entries").EnumerateArray());
            await JourneyArrange.GrantAsync(youth, coach.OrganisationId, "plan");

            using var added = await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/journey/events", new { kind = "startedCare", occurredOn = Yesterday });
            using var read = await coach.Client.GetAsync($"/api/people/{youthId}/journey");

            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var entry = Assert.Single((await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").EnumerateArray());
            Assert.Equal(coach.DisplayName, entry.GetProperty("who").GetString());
            Assert.StartsWith("Test Municipality", entry.GetProperty("organisation").GetString(), StringComparison.Ordinal);
            var log = await JourneyArrange.AccessLogAsync(youth);
            Assert.Equal(2, log.Count(row => row.GetProperty("organisationId").GetGuid() == coach.OrganisationId));
            Assert.All(log, row => Assert.Equal(["plan"], row.GetProperty("categories").EnumerateArray().Select(category => category.GetString())));
        }
    }

    [Fact]
    public async Task Journey_ContactPersonsAndHandovers_ShowStretchesAndWarmth()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var receiving = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        {
            await JourneyArrange.GrantAsync(youth, coach.OrganisationId, "plan");
            (await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/contact-persons", new { })).EnsureSuccessStatusCode();
            (await coach.Client.DeleteAsync($"/api/people/{youthId}/contact-persons/{coach.UserId}")).EnsureSuccessStatusCode();
            var start = DateTimeOffset.UtcNow.AddDays(-100);
            await JourneyArrange.HandoverAsync(App, youthId, coach.OrganisationId, receiving.OrganisationId, "Completed", start, start.AddDays(1), start.AddDays(2), start.AddDays(6));
            await JourneyArrange.HandoverAsync(App, youthId, coach.OrganisationId, receiving.OrganisationId, "Completed", start.AddDays(10), start.AddDays(11), start.AddDays(12), start.AddDays(40));
            await JourneyArrange.HandoverAsync(App, youthId, coach.OrganisationId, receiving.OrganisationId, "Expired", start.AddDays(50), endedAt: start.AddDays(80));
            await JourneyArrange.HandoverAsync(App, youthId, coach.OrganisationId, receiving.OrganisationId, "Withdrawn", start.AddDays(85), endedAt: start.AddDays(86));
            await JourneyArrange.HandoverAsync(App, youthId, receiving.OrganisationId, coach.OrganisationId, "Declined", start.AddDays(87), start.AddDays(88), endedAt: start.AddDays(89));

            var entries = (await youth.GetFromJsonAsync<JsonElement>("/api/me/journey")).GetProperty("entries").EnumerateArray().ToList();

            var handovers = entries.Where(entry => entry.GetProperty("kind").GetString() == "handover").Select(entry => entry.GetProperty("handover")).ToList();
            Assert.Equal(["warm", "cold", "cold", "withdrawn", "cold"], handovers.Select(handover => handover.GetProperty("warmth").GetString()));
            Assert.Equal(start.AddDays(80), handovers[2].GetProperty("endedAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
            Assert.Equal(
                ["contactPersonStarted", "contactPersonEnded", "withoutContactPerson"],
                entries.Select(entry => entry.GetProperty("kind").GetString()).Where(kind => kind!.Contains("ontactPerson", StringComparison.Ordinal)));
            Assert.Equal(JsonValueKind.Null, entries.Single(entry => entry.GetProperty("kind").GetString() == "withoutContactPerson").GetProperty("until").ValueKind);
        }
    }

    [Fact]
    public async Task Erasure_OfTheProfessional_KeepsTheTurningPointWithoutTheirName()
    {
        var (youth, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using (youth)
        using (coach)
        {
            await JourneyArrange.GrantAsync(youth, coach.OrganisationId, "plan");
            (await coach.Client.PostAsJsonAsync($"/api/people/{youthId}/journey/events", new { kind = "moved", occurredOn = Yesterday })).EnsureSuccessStatusCode();

            using var erased = await Hosting.Accounts.EraseAsync(coach.Client);

            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
            var entry = Assert.Single((await youth.GetFromJsonAsync<JsonElement>("/api/me/journey")).GetProperty("entries").EnumerateArray());
            Assert.Equal("moved", entry.GetProperty("turningPoint").GetString());
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("who").ValueKind);
            Assert.Empty(await Privacy.TableScan.FindAsync(App, coach.Email, coach.DisplayName, coach.UserId.ToString()));
            var export = await youth.GetFromJsonAsync<JsonElement>("/api/me/export");
            Assert.Single(export.GetProperty("journey").EnumerateArray());
        }
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteJourneyApiTests(SqliteWebAppFixture fixture) : JourneyApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresJourneyApiTests(PostgresWebAppFixture fixture) : JourneyApiTests(fixture);
