using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Sprints;

namespace Passport.Web.Tests.Consent;

/// <summary>
/// Flexible consent end to end: the owner grants, revokes, approves and declines; staff read only through the gate,
/// get 404 for anything not shared with them now, and every read shows up in the owner's access log.
/// </summary>
public abstract class ConsentApiTests(WebAppFixture fixture)
{
    private const string DemoEmployerOrganisation = "0193a000-0000-7000-8000-000000000101";

    private PassportApp App => fixture.App;

    [Fact]
    public async Task PersonPassport_DemoEmployer_FollowsTheYouthsGrantAndRevocationAndIsLogged()
    {
        var youthToken = await App.LoginAsync("youth@demo.test");
        await using (var player = await SprintPlayer.ConnectAsync(App, youthToken))
        {
            await player.PlayToEndAsync((await player.StartAsync("fix-it")).GetProperty("sessionId").GetString()!);
        }

        using var youth = await App.CreateClientForAsync("youth@demo.test");
        using var employer = await App.CreateClientForAsync("employer@demo.test");
        var youthId = (await youth.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetString();
        var organisationId = (await employer.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("organisationId").GetString();
        Assert.Equal(DemoEmployerOrganisation, organisationId);

        using (var before = await employer.GetAsync($"/api/people/{youthId}/passport"))
        {
            await ProblemAssert.IsProblemAsync(before, HttpStatusCode.NotFound);
        }

        var grantedAt = DateTimeOffset.UtcNow;
        using var granted = await youth.PostAsJsonAsync("/api/me/consents", new
        {
            audience = new { organisationId },
            categories = new[] { "skills" },
            purpose = "Apply for the installer traineeship",
        });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var consentId = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var shared = await employer.GetFromJsonAsync<JsonElement>($"/api/people/{youthId}/passport");
        Assert.Equal(["skills"], shared.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
        Assert.Contains(shared.GetProperty("skills").EnumerateArray(), skill => skill.GetProperty("skillId").GetString() == "problem-solving");
        Assert.False(shared.TryGetProperty("contact", out _));
        Assert.DoesNotContain("youth@demo.test", shared.GetRawText(), StringComparison.OrdinalIgnoreCase);

        using (var revoked = await youth.DeleteAsync($"/api/me/consents/{consentId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        }

        using (var after = await employer.GetAsync($"/api/people/{youthId}/passport"))
        {
            await ProblemAssert.IsProblemAsync(after, HttpStatusCode.NotFound);
        }

        var log = await youth.GetFromJsonAsync<JsonElement>("/api/me/access-log");
        var read = Assert.Single(log.EnumerateArray(), entry => entry.GetProperty("at").GetDateTimeOffset() >= grantedAt.AddSeconds(-5));
        Assert.Equal(DemoEmployerOrganisation, read.GetProperty("organisationId").GetString());
        Assert.Equal("Brightwatt Installations", read.GetProperty("organisationName").GetString());
        Assert.Equal(["skills"], read.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
        Assert.Equal("Apply for the installer traineeship", read.GetProperty("purpose").GetString());
        Assert.Equal("api", read.GetProperty("channel").GetString());
    }

    [Fact]
    public async Task PersonPassport_ConsentForAnotherCategory_ShowsOnlyThatCategory()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        {
            await GrantAsync(owner, new { organisationId = employer.OrganisationId }, ["contact"]);

            var shared = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/people/{personId}/passport");

            Assert.Equal(["contact"], shared.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
            Assert.False(shared.TryGetProperty("skills", out _));
            Assert.False(shared.TryGetProperty("experiences", out _));
            Assert.Equal("Robin", shared.GetProperty("contact").GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task PersonPassport_AnotherOrganisationsConsent_Returns404()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var chosen = await Staff.NewAsync(App, OrganisationKind.Employer);
        using var other = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        {
            await GrantAsync(owner, new { organisationId = chosen.OrganisationId }, ["skills"]);

            using var response = await other.Client.GetAsync($"/api/people/{personId}/passport");

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task PersonPassport_UnknownPerson_Returns404LikeARefusal()
    {
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);

        using var response = await employer.Client.GetAsync($"/api/people/{Guid.NewGuid()}/passport");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Not found.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task PersonPassport_AnotherJobSeeker_Returns403()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var (stranger, _) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using (owner)
        using (stranger)
        {
            using var response = await stranger.GetAsync($"/api/people/{personId}/passport");

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task PersonPassport_ExpiredConsent_Returns404()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        {
            // A consent can only be given with a future expiry; one that ends a moment from now has lapsed when read.
            using var granted = await owner.PostAsJsonAsync("/api/me/consents", new
            {
                audience = new { organisationId = employer.OrganisationId },
                categories = new[] { "skills" },
                purpose = "Short look",
                expiresAt = DateTimeOffset.UtcNow.AddSeconds(3),
            });
            Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
            var expiresAt = (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expiresAt").GetDateTimeOffset();
            await WaitUntilAsync(expiresAt);

            using var response = await employer.Client.GetAsync($"/api/people/{personId}/passport");

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
            var consent = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());
            Assert.Equal("expired", consent.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task PersonPassport_SectorAudience_OpensToThatSectorsEmployersOnly()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var inSector = await Staff.NewAsync(App, OrganisationKind.Employer, "healthcare");
        using var otherSector = await Staff.NewAsync(App, OrganisationKind.Employer, "logistics");
        using var school = await Staff.NewAsync(App, OrganisationKind.EducationProvider, "healthcare");
        using (owner)
        {
            await GrantAsync(owner, new { sector = "healthcare" }, ["skills"]);

            using var allowed = await inSector.Client.GetAsync($"/api/people/{personId}/passport");
            using var wrongSector = await otherSector.Client.GetAsync($"/api/people/{personId}/passport");
            using var notEmployer = await school.Client.GetAsync($"/api/people/{personId}/passport");

            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            await ProblemAssert.IsProblemAsync(wrongSector, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(notEmployer, HttpStatusCode.NotFound);
            var people = await inSector.Client.GetFromJsonAsync<JsonElement>("/api/people");
            Assert.Contains(people.EnumerateArray(), person => person.GetProperty("personId").GetGuid() == personId);
        }
    }

    [Fact]
    public async Task PersonPassport_AllEducationPartners_OpensToSchoolsNotEmployers()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var school = await Staff.NewAsync(App, OrganisationKind.EducationProvider);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        {
            await GrantAsync(owner, new { allEducationPartners = true }, ["skills", "experiences"]);

            var shared = await school.Client.GetFromJsonAsync<JsonElement>($"/api/people/{personId}/passport");
            using var refused = await employer.Client.GetAsync($"/api/people/{personId}/passport");

            Assert.Equal(["skills", "experiences"], shared.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [InlineData("""{ "audience": { "organisationId": "0193a000-0000-7000-8000-000000000101" }, "categories": ["skills", "salary"], "purpose": "Job" }""", "categories")]
    [InlineData("""{ "audience": { "organisationId": "0193a000-0000-7000-8000-000000000101" }, "categories": ["skills"], "purpose": "Job", "expiresAt": "2020-01-01T00:00:00Z" }""", "expiresAt")]
    [InlineData("""{ "audience": { "organisationId": "0193a000-0000-7000-8000-00000000ffff" }, "categories": ["skills"], "purpose": "Job" }""", "audience")]
    [InlineData("""{ "audience": { "sector": "space-travel" }, "categories": ["skills"], "purpose": "Job" }""", "audience")]
    [InlineData("""{ "audience": { }, "categories": ["skills"], "purpose": "Job" }""", "audience")]
    [InlineData("""{ "audience": { "sector": "healthcare", "allEducationPartners": true }, "categories": ["skills"], "purpose": "Job" }""", "audience")]
    [InlineData("""{ "audience": { "sector": "healthcare" }, "categories": [], "purpose": "Job" }""", "categories")]
    [InlineData("""{ "audience": { "sector": "healthcare" }, "categories": ["skills"], "purpose": " " }""", "purpose")]
    public async Task Grant_BadInput_Returns400AndStoresNothing(string body, string field)
    {
        var (owner, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (owner)
        {
            using var response = await owner.PostAsync("/api/me/consents", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
            Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());
        }
    }

    [Fact]
    public async Task Grant_MalformedAudienceId_Returns400()
    {
        var (owner, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (owner)
        {
            using var response = await owner.PostAsync("/api/me/consents", new StringContent(
                """{ "audience": { "organisationId": "not-an-id" }, "categories": ["skills"], "purpose": "Job" }""", System.Text.Encoding.UTF8, "application/json"));

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());
        }
    }

    [Fact]
    public async Task Request_ApprovedByOwner_OpensTheRequestedCategories()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        {
            using var asked = await employer.Client.PostAsJsonAsync($"/api/people/{personId}/consent-requests", new
            {
                categories = new[] { "skills", "contact" },
                purpose = "Invitation to talk about the warehouse job",
            });
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
            using (var before = await employer.Client.GetAsync($"/api/people/{personId}/passport"))
            {
                await ProblemAssert.IsProblemAsync(before, HttpStatusCode.NotFound);
            }

            var request = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray());
            Assert.Equal("requested", request.GetProperty("status").GetString());
            Assert.True(request.GetProperty("requested").GetBoolean());
            Assert.Equal(employer.OrganisationId, request.GetProperty("audience").GetProperty("organisationId").GetGuid());
            using var approved = await owner.PostAsync($"/api/me/consents/{request.GetProperty("id").GetString()}/approve", null);
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

            var shared = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/people/{personId}/passport");
            Assert.Equal(["skills", "contact"], shared.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
            var requests = await employer.Client.GetFromJsonAsync<JsonElement>("/api/people/requests");
            Assert.Equal("granted", Assert.Single(requests.EnumerateArray()).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Request_DeclinedByOwner_StaysClosedAndCannotBeApprovedLater()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        {
            using var asked = await employer.Client.PostAsJsonAsync($"/api/people/{personId}/consent-requests", new { categories = new[] { "skills" }, purpose = "Invite" });
            var id = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

            using var declined = await owner.PostAsync($"/api/me/consents/{id}/decline", null);
            using var lateApproval = await owner.PostAsync($"/api/me/consents/{id}/approve", null);
            using var read = await employer.Client.GetAsync($"/api/people/{personId}/passport");

            Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);
            await ProblemAssert.IsProblemAsync(lateApproval, HttpStatusCode.Conflict);
            await ProblemAssert.IsProblemAsync(read, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Request_TwiceWhilePending_Returns409()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        {
            using var first = await employer.Client.PostAsJsonAsync($"/api/people/{personId}/consent-requests", new { categories = new[] { "skills" }, purpose = "Invite" });
            using var second = await employer.Client.PostAsJsonAsync($"/api/people/{personId}/consent-requests", new { categories = new[] { "skills" }, purpose = "Invite" });

            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            await ProblemAssert.IsProblemAsync(second, HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public async Task Request_UnknownPersonOrStaffMember_Returns404()
    {
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using var colleague = await Staff.NewAsync(App, OrganisationKind.Employer);

        using var unknown = await employer.Client.PostAsJsonAsync($"/api/people/{Guid.NewGuid()}/consent-requests", new { categories = new[] { "skills" }, purpose = "Invite" });
        using var staff = await employer.Client.PostAsJsonAsync($"/api/people/{colleague.UserId}/consent-requests", new { categories = new[] { "skills" }, purpose = "Invite" });

        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(staff, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OwnerEndpoints_AnotherOwnersConsentId_Return404()
    {
        var (owner, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var (stranger, _) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using (owner)
        using (stranger)
        {
            var id = await GrantAsync(owner, new { sector = "healthcare" }, ["skills"]);

            using var revoke = await stranger.DeleteAsync($"/api/me/consents/{id}");
            using var approve = await stranger.PostAsync($"/api/me/consents/{id}/approve", null);
            using var decline = await stranger.PostAsync($"/api/me/consents/{id}/decline", null);
            using var records = await stranger.GetAsync($"/api/me/consents/{id}/records");

            await ProblemAssert.IsProblemAsync(revoke, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(approve, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(decline, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(records, HttpStatusCode.NotFound);
            Assert.Equal("granted", Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/consents")).EnumerateArray()).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task AccessLog_OfAnotherOwner_IsNeverShown()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var (stranger, _) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        using (stranger)
        {
            await GrantAsync(owner, new { organisationId = employer.OrganisationId }, ["skills"]);
            (await employer.Client.GetAsync($"/api/people/{personId}/passport")).Dispose();

            var mine = await owner.GetFromJsonAsync<JsonElement>("/api/me/access-log");
            var theirs = await stranger.GetFromJsonAsync<JsonElement>("/api/me/access-log");

            Assert.Single(mine.EnumerateArray());
            Assert.Empty(theirs.EnumerateArray());
        }
    }

    [Theory]
    [InlineData("/api/me/consents")]
    [InlineData("/api/me/access-log")]
    public async Task OwnerEndpoints_Staff_Return403(string path)
    {
        using var employer = await App.CreateClientForAsync("employer@demo.test");

        using var response = await employer.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/api/me/consents")]
    [InlineData("/api/me/access-log")]
    [InlineData("/api/people")]
    public async Task Endpoints_Anonymous_Return401(string path)
    {
        using var anonymous = App.CreateClient();

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Records_GrantAndRevoke_FollowIso27560()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        {
            var id = await GrantAsync(owner, new { organisationId = employer.OrganisationId }, ["skills", "experiences"]);
            (await owner.DeleteAsync($"/api/me/consents/{id}")).Dispose();

            var records = (await owner.GetFromJsonAsync<JsonElement>($"/api/me/consents/{id}/records")).EnumerateArray().ToList();

            Assert.Equal(["given", "withdrawn"], records.Select(record => record.GetProperty("event").GetString()));
            var given = records[0];
            Assert.Equal("ISO/IEC TS 27560:2023", given.GetProperty("schema").GetString());
            Assert.Equal(personId, given.GetProperty("piiPrincipal").GetGuid());
            Assert.Equal(employer.OrganisationId, given.GetProperty("recipient").GetProperty("organisationId").GetGuid());
            Assert.Equal(["skills", "experiences"], given.GetProperty("piiCategories").EnumerateArray().Select(category => category.GetString()));
            Assert.Equal("GDPR Art. 6(1)(a) consent", given.GetProperty("legalBasis").GetString());
            Assert.False(string.IsNullOrWhiteSpace(given.GetProperty("withdrawalMethod").GetString()));
            Assert.Equal("Revoked", records[1].GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Grant_MinorToEmployer_NeedsTheGuardianConsentACoachConfirms()
    {
        var (minorClient, minorId, _) = await Hosting.Accounts.NewMinorAsync(App);
        using var minor = minorClient;
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);
        object toEmployer = new { audience = new { organisationId = employer.OrganisationId }, categories = new[] { "skills" }, purpose = "Holiday job" };

        using var refused = await minor.PostAsJsonAsync("/api/me/consents", toEmployer);
        await GrantAsync(minor, new { organisationId = coach.OrganisationId }, ["plan"]);
        using var confirmed = await coach.Client.PostAsJsonAsync($"/api/coach/people/{minorId}/guardian-consent", new { guardianName = "Alex Jansen", method = "Signed form at the youth desk" });
        using var allowed = await minor.PostAsJsonAsync("/api/me/consents", toEmployer);

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("guardian", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, allowed.StatusCode);
    }

    [Fact]
    public async Task GuardianConsent_CoachWithoutTheYouthsConsent_Returns404()
    {
        var (_, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var coach = await Staff.NewAsync(App, OrganisationKind.Municipality);

        using var response = await coach.Client.PostAsJsonAsync($"/api/coach/people/{personId}/guardian-consent", new { guardianName = "Alex", method = "Phone call" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static async Task<string> GrantAsync(HttpClient owner, object audience, string[] categories)
    {
        using var response = await owner.PostAsJsonAsync("/api/me/consents", new { audience, categories, purpose = "Testing the gate" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Waits for the wall clock the host reads to pass an instant (the consent's own expiry), polling briefly.</summary>
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
public sealed class SqliteConsentApiTests(SqliteWebAppFixture fixture) : ConsentApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresConsentApiTests(PostgresWebAppFixture fixture) : ConsentApiTests(fixture);
