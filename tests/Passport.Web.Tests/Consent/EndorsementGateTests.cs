using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Consent;

/// <summary>Staff endorse only people who share their skills with them; readers see experiences and accepted endorsements.</summary>
public abstract class EndorsementGateTests(WebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    [Fact]
    public async Task Endorse_WithSkillsConsent_OwnerAcceptsAndTheReaderSeesIt()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        {
            await GrantAsync(owner, employer.OrganisationId, "skills", "experiences");
            (await owner.PostAsJsonAsync("/api/me/experiences", new { kind = "volunteering", title = "Food bank helper", startedOn = "2025-03-01" })).EnsureSuccessStatusCode();

            using var endorsed = await employer.Client.PostAsJsonAsync($"/api/people/{personId}/endorsements", new { skillId = "teamwork", evidence = "Sam ran the Saturday shift with three new volunteers." });
            Assert.Equal(HttpStatusCode.Created, endorsed.StatusCode);
            var id = (await endorsed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            var beforeAccepting = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/people/{personId}/passport");
            (await owner.PostAsync($"/api/me/endorsements/{id}/accept", null)).EnsureSuccessStatusCode();
            var afterAccepting = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/people/{personId}/passport");

            Assert.Equal("Food bank helper", Assert.Single(afterAccepting.GetProperty("experiences").EnumerateArray()).GetProperty("title").GetString());
            Assert.DoesNotContain("Saturday shift", beforeAccepting.GetRawText(), StringComparison.Ordinal);
            Assert.Contains("Saturday shift", afterAccepting.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Endorse_WithoutConsentOrWithAnotherCategory_Returns404AndStoresNothing()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var stranger = await Staff.NewAsync(App, OrganisationKind.Employer);
        using var contactOnly = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        {
            await GrantAsync(owner, contactOnly.OrganisationId, "contact");
            var body = new { skillId = "teamwork", evidence = "Worked well with the whole team." };

            using var noConsent = await stranger.Client.PostAsJsonAsync($"/api/people/{personId}/endorsements", body);
            using var otherCategory = await contactOnly.Client.PostAsJsonAsync($"/api/people/{personId}/endorsements", body);

            await ProblemAssert.IsProblemAsync(noConsent, HttpStatusCode.NotFound);
            await ProblemAssert.IsProblemAsync(otherCategory, HttpStatusCode.NotFound);
            Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/me/endorsements")).EnumerateArray());
        }
    }

    [Fact]
    public async Task Endorse_UnknownSkillOrShortEvidence_Returns400()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer);
        using (owner)
        {
            await GrantAsync(owner, employer.OrganisationId, "skills");

            using var response = await employer.Client.PostAsJsonAsync($"/api/people/{personId}/endorsements", new { skillId = "juggling", evidence = "Good" });

            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal(2, problem.GetProperty("errors").EnumerateObject().Count());
            Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/me/endorsements")).EnumerateArray());
        }
    }

    [Fact]
    public async Task Endorse_JobSeeker_Returns403()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var (other, _) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using (owner)
        using (other)
        {
            using var response = await other.PostAsJsonAsync($"/api/people/{personId}/endorsements", new { skillId = "teamwork", evidence = "Worked well with the whole team." });

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        }
    }

    private static async Task GrantAsync(HttpClient owner, Guid organisationId, params string[] categories)
    {
        using var response = await owner.PostAsJsonAsync("/api/me/consents", new { audience = new { organisationId }, categories, purpose = "Internship" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteEndorsementGateTests(SqliteWebAppFixture fixture) : EndorsementGateTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresEndorsementGateTests(PostgresWebAppFixture fixture) : EndorsementGateTests(fixture);
