using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Organisations;

/// <summary>
/// Who an organisation is (kind, legal name, sector) decides whose consent covers it, so its own staff cannot change
/// it; only an administrator can, every change is recorded, and the access log keeps the name an organisation had
/// when it read.
/// </summary>
public abstract class OrganisationIdentityTests(WebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    [Theory]
    [InlineData("sector", "healthcare")]
    [InlineData("name", "A Different Legal Name")]
    [InlineData("kind", "EducationProvider")]
    public async Task StaffUpdate_ChangesKindNameOrSector_Returns403AndChangesNothing(string field, string value)
    {
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer, "logistics");
        using var admin = await App.CreateClientForAsync("admin@demo.test");
        var before = await employer.Client.GetFromJsonAsync<JsonElement>("/api/organisation");
        var body = new Dictionary<string, string?> { ["description"] = "Now hiring", [field] = value };

        using var response = await employer.Client.PutAsJsonAsync("/api/organisation", body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal([field], problem.GetProperty("fields").EnumerateArray().Select(name => name.GetString()));
        Assert.Equal(before.GetRawText(), (await employer.Client.GetFromJsonAsync<JsonElement>("/api/organisation")).GetRawText());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/admin/organisations/{employer.OrganisationId}/changes")).EnumerateArray());
    }

    [Fact]
    public async Task StaffUpdate_IdentitySentBackUnchanged_StoresTheRestAndRecordsIt()
    {
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer, "logistics");
        using var admin = await App.CreateClientForAsync("admin@demo.test");
        var before = await employer.Client.GetFromJsonAsync<JsonElement>("/api/organisation");

        using var response = await employer.Client.PutAsJsonAsync("/api/organisation", new
        {
            kind = before.GetProperty("kind").GetString(),
            name = before.GetProperty("name").GetString(),
            sector = before.GetProperty("sector").GetString(),
            place = "Helmond",
            description = "Warehouses in Helmond",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await employer.Client.GetFromJsonAsync<JsonElement>("/api/organisation");
        Assert.Equal(("Helmond", "Warehouses in Helmond", "logistics"), (
            stored.GetProperty("place").GetString(), stored.GetProperty("description").GetString(), stored.GetProperty("sector").GetString()));
        var changes = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/organisations/{employer.OrganisationId}/changes")).EnumerateArray().ToList();
        Assert.Equal(["description", "place"], changes.Select(change => change.GetProperty("field").GetString()).Order(StringComparer.Ordinal));
        Assert.All(changes, change =>
        {
            Assert.Equal("staff", change.GetProperty("changedBy").GetProperty("role").GetString());
            Assert.Equal(employer.UserId, change.GetProperty("changedBy").GetProperty("userId").GetGuid());
        });
        Assert.Contains(changes, change => change.GetProperty("field").GetString() == "place"
            && change.GetProperty("oldValue").GetString() == "Eindhoven" && change.GetProperty("newValue").GetString() == "Helmond");
    }

    [Fact]
    public async Task SectorConsent_OnlyAnAdminMovesTheEmployerIn_AndTheLogKeepsTheNameAtReadTime()
    {
        var (owner, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer, "logistics");
        using var admin = await App.CreateClientForAsync("admin@demo.test");
        using (owner)
        {
            using (var granted = await owner.PostAsJsonAsync("/api/me/consents", new
            {
                audience = new { sector = "healthcare" },
                categories = new[] { "skills" },
                purpose = "Work in care",
            }))
            {
                Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
            }

            using (var selfMoved = await employer.Client.PutAsJsonAsync("/api/organisation", new { sector = "healthcare" }))
            {
                await ProblemAssert.IsProblemAsync(selfMoved, HttpStatusCode.Forbidden);
            }

            using (var stillOutside = await employer.Client.GetAsync($"/api/people/{personId}/passport"))
            {
                await ProblemAssert.IsProblemAsync(stillOutside, HttpStatusCode.NotFound);
            }

            var organisation = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/organisations/{employer.OrganisationId}");
            var nameAtRead = organisation.GetProperty("name").GetString()!;
            using (var moved = await admin.PutAsJsonAsync($"/api/admin/organisations/{employer.OrganisationId}", new
            {
                kind = "Employer",
                name = nameAtRead,
                sector = "healthcare",
                place = organisation.GetProperty("place").GetString(),
            }))
            {
                Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            }

            using (var inside = await employer.Client.GetAsync($"/api/people/{personId}/passport"))
            {
                Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
            }

            using (var renamed = await admin.PutAsJsonAsync($"/api/admin/organisations/{employer.OrganisationId}", new
            {
                kind = "Employer",
                name = "Renamed Care Group",
                sector = "healthcare",
                place = organisation.GetProperty("place").GetString(),
            }))
            {
                Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            }

            var read = Assert.Single((await owner.GetFromJsonAsync<JsonElement>("/api/me/access-log")).EnumerateArray());
            Assert.Equal(employer.OrganisationId, read.GetProperty("organisationId").GetGuid());
            Assert.Equal(nameAtRead, read.GetProperty("organisationName").GetString());
            Assert.Equal(employer.DisplayName, read.GetProperty("reader").GetString());

            var changes = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/organisations/{employer.OrganisationId}/changes")).EnumerateArray().ToList();
            Assert.Equal(["name", "sector"], changes.Select(change => change.GetProperty("field").GetString()));
            Assert.All(changes, change => Assert.Equal("admin", change.GetProperty("changedBy").GetProperty("role").GetString()));
            Assert.Equal(("logistics", "healthcare"), (changes[1].GetProperty("oldValue").GetString(), changes[1].GetProperty("newValue").GetString()));
            Assert.Equal((nameAtRead, "Renamed Care Group"), (changes[0].GetProperty("oldValue").GetString(), changes[0].GetProperty("newValue").GetString()));
        }
    }

    [Fact]
    public async Task AdminUpdate_KindOfAnOrganisationWithStaff_Returns409AndChangesNothing()
    {
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer, "logistics");
        using var admin = await App.CreateClientForAsync("admin@demo.test");
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/organisations/{employer.OrganisationId}");

        using var response = await admin.PutAsJsonAsync($"/api/admin/organisations/{employer.OrganisationId}", new
        {
            kind = "EducationProvider",
            name = before.GetProperty("name").GetString(),
            sector = "logistics",
        });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(before.GetRawText(), (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/organisations/{employer.OrganisationId}")).GetRawText());
    }

    [Fact]
    public async Task AdminUpdate_KindOfAnOrganisationWithoutStaff_IsStoredAndRecorded()
    {
        using var admin = await App.CreateClientForAsync("admin@demo.test");
        var name = $"Skills Academy {Guid.NewGuid():N}";
        using var created = await admin.PostAsJsonAsync("/api/admin/organisations", new { kind = "Employer", name });

        using var changed = await admin.PutAsJsonAsync(created.Headers.Location, new { kind = "EducationProvider", name });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("EducationProvider", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString());
        var change = Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"{created.Headers.Location}/changes")).EnumerateArray());
        Assert.Equal(("kind", "Employer", "EducationProvider"), (
            change.GetProperty("field").GetString(), change.GetProperty("oldValue").GetString(), change.GetProperty("newValue").GetString()));
    }

    [Fact]
    public async Task AdminUpdate_InvalidOrUnknown_Returns400Or404()
    {
        using var admin = await App.CreateClientForAsync("admin@demo.test");
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer, "logistics");

        using var invalid = await admin.PutAsJsonAsync($"/api/admin/organisations/{employer.OrganisationId}", new { kind = "2", name = " ", sector = "space-travel" });
        using var unknown = await admin.PutAsJsonAsync($"/api/admin/organisations/{Guid.NewGuid()}", new { kind = "Employer", name = "Nobody" });
        using var unknownHistory = await admin.GetAsync($"/api/admin/organisations/{Guid.NewGuid()}/changes");

        var errors = (await ProblemAssert.IsProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["kind", "name", "sector"], errors.EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(unknownHistory, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("employer@demo.test")]
    [InlineData("youth@demo.test")]
    public async Task AdminRoutes_NotAnAdmin_Return403(string email)
    {
        using var client = await App.CreateClientForAsync(email);
        using var employer = await Staff.NewAsync(App, OrganisationKind.Employer, "logistics");

        using var change = await client.PutAsJsonAsync($"/api/admin/organisations/{employer.OrganisationId}", new { kind = "Employer", name = "Mine now", sector = "healthcare" });
        using var history = await client.GetAsync($"/api/admin/organisations/{employer.OrganisationId}/changes");

        await ProblemAssert.IsProblemAsync(change, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(history, HttpStatusCode.Forbidden);
        Assert.Equal("logistics", (await employer.Client.GetFromJsonAsync<JsonElement>("/api/organisation")).GetProperty("sector").GetString());
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteOrganisationIdentityTests(SqliteWebAppFixture fixture) : OrganisationIdentityTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresOrganisationIdentityTests(PostgresWebAppFixture fixture) : OrganisationIdentityTests(fixture);
