using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Staff;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.OrganisationStaff;

/// <summary>
/// An organisation admin deactivates a leaver and names the colleague who takes over; the leaver's sessions and tokens
/// end at once and they can no longer sign in. Nobody reaches another organisation's staff.
/// </summary>
public abstract class DeactivationTests(WebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    [Fact]
    public async Task Deactivate_WithSuccessor_EndsTheLeaversTokensAndSignIn()
    {
        using var admin = await StaffInvitationTests.OrganisationAdminAsync(App, OrganisationKind.Municipality);
        using var leaver = await Staff.ColleagueAsync(App, admin, OrganisationKind.Municipality);
        using var successor = await Staff.ColleagueAsync(App, admin, OrganisationKind.Municipality);
        using (var before = await leaver.Client.GetAsync("/api/me"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var response = await admin.Client.PostAsJsonAsync($"/api/organisation/staff/{leaver.UserId}/deactivate", new { successorUserId = successor.UserId });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using (var after = await leaver.Client.GetAsync("/api/me"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        using var anonymous = App.CreateClient();
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = leaver.Email, password = Hosting.Accounts.Password });
        await ProblemAssert.IsProblemAsync(login, HttpStatusCode.Locked);
        var staff = (await admin.Client.GetFromJsonAsync<JsonElement>("/api/organisation/staff")).GetProperty("staff").EnumerateArray().ToList();
        var gone = Assert.Single(staff, member => member.GetProperty("id").GetGuid() == leaver.UserId);
        Assert.False(gone.GetProperty("active").GetBoolean());
        Assert.Equal(successor.UserId, gone.GetProperty("successorUserId").GetGuid());
        // The successor is untouched.
        using var successorMe = await successor.Client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, successorMe.StatusCode);
    }

    [Fact]
    public async Task Deactivate_OtherOrganisationsStaff_Returns404AndChangesNothing()
    {
        using var admin = await StaffInvitationTests.OrganisationAdminAsync(App, OrganisationKind.Municipality);
        using var successor = await Staff.ColleagueAsync(App, admin, OrganisationKind.Municipality);
        using var stranger = await Staff.NewAsync(App, OrganisationKind.Municipality);

        using var response = await admin.Client.PostAsJsonAsync($"/api/organisation/staff/{stranger.UserId}/deactivate", new { successorUserId = successor.UserId });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        using var strangerMe = await stranger.Client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, strangerMe.StatusCode);
    }

    [Fact]
    public async Task Deactivate_SuccessorFromAnotherOrganisationOrMissing_Returns400AndChangesNothing()
    {
        using var admin = await StaffInvitationTests.OrganisationAdminAsync(App, OrganisationKind.Employer);
        using var leaver = await Staff.ColleagueAsync(App, admin, OrganisationKind.Employer);
        using var stranger = await Staff.NewAsync(App, OrganisationKind.Employer);

        using var foreign = await admin.Client.PostAsJsonAsync($"/api/organisation/staff/{leaver.UserId}/deactivate", new { successorUserId = stranger.UserId });
        using var missing = await admin.Client.PostAsJsonAsync($"/api/organisation/staff/{leaver.UserId}/deactivate", new { });
        using var themselves = await admin.Client.PostAsJsonAsync($"/api/organisation/staff/{leaver.UserId}/deactivate", new { successorUserId = leaver.UserId });

        foreach (var response in new[] { foreign, missing, themselves })
        {
            var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("successorUserId", out _));
        }

        using var leaverMe = await leaver.Client.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, leaverMe.StatusCode);
    }

    [Fact]
    public async Task Deactivate_Yourself_Returns409()
    {
        using var admin = await StaffInvitationTests.OrganisationAdminAsync(App, OrganisationKind.Municipality);
        using var colleague = await Staff.ColleagueAsync(App, admin, OrganisationKind.Municipality);

        using var response = await admin.Client.PostAsJsonAsync($"/api/organisation/staff/{admin.UserId}/deactivate", new { successorUserId = colleague.UserId });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Deactivate_TheLastOrganisationAdmin_IsRefusedAndChangesNothing()
    {
        // Through the API an admin can only reach the last admin when that is themselves (refused above); two admins
        // deactivating each other at the same moment reach the store's own check, which this calls directly.
        using var admin = await StaffInvitationTests.OrganisationAdminAsync(App, OrganisationKind.Municipality);
        using var colleague = await Staff.ColleagueAsync(App, admin, OrganisationKind.Municipality);
        var store = App.Services.GetRequiredService<StaffRepository>();

        var result = await store.DeactivateAsync(admin.OrganisationId, admin.UserId, colleague.UserId, colleague.UserId, DateTimeOffset.UtcNow);

        Assert.Equal(Deactivation.LastAdmin, result);
        Assert.True(await store.IsOrganisationAdminAsync(admin.UserId, admin.OrganisationId));
    }

    [Fact]
    public async Task Deactivate_WithoutTheRight_Returns403()
    {
        using var member = await Staff.NewAsync(App, OrganisationKind.Municipality);
        using var colleague = await Staff.ColleagueAsync(App, member, OrganisationKind.Municipality);
        using var successor = await Staff.ColleagueAsync(App, member, OrganisationKind.Municipality);

        using var response = await member.Client.PostAsJsonAsync($"/api/organisation/staff/{colleague.UserId}/deactivate", new { successorUserId = successor.UserId });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteDeactivationTests(SqliteWebAppFixture fixture) : DeactivationTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresDeactivationTests(PostgresWebAppFixture fixture) : DeactivationTests(fixture);
