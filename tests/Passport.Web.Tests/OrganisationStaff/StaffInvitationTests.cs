using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Database;
using Passport.Data.Staff;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.OrganisationStaff;

/// <summary>
/// An administrator invites an organisation's first staff member by e-mail; organisation admins invite colleagues; the
/// link makes one account, with the organisation's staff role, and then no longer works.
/// </summary>
public abstract class StaffInvitationTests(WebAppFixture fixture)
{
    private const string NewPassword = "another long passphrase";

    private PassportApp App => fixture.App;

    [Fact]
    public async Task AdminInvite_NewMunicipality_AcceptedPersonSignsInAsCoachAndTheLinkThenFails()
    {
        using var admin = await App.CreateClientForAsync("admin@demo.test");
        var organisationId = await NewOrganisationAsync(admin, "Municipality");
        var email = $"coach-{Guid.NewGuid():N}@example.org";

        using (var invited = await admin.PostAsJsonAsync($"/api/admin/organisations/{organisationId}/invitations", new { email, organisationAdmin = true }))
        {
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
            var body = await invited.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(email, body.GetProperty("email").GetString());
            Assert.DoesNotContain("token", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        var mail = Assert.Single(await Mail.ForAsync(App, email));
        Assert.Equal("invitation", mail.Kind);
        Assert.StartsWith("Platform admin invites you to work for", mail.Text, StringComparison.Ordinal);
        var token = Mail.TokenIn(mail.Text);
        Assert.Contains($"/invitations/accept?token={token}", mail.Text, StringComparison.Ordinal);
        // Only the queued e-mail carries the link; the invitation keeps a hash.
        Assert.All(await Privacy.TableScan.FindAsync(App, token), place => Assert.StartsWith("outgoing_emails.", place, StringComparison.Ordinal));

        using var anonymous = App.CreateClient();
        using (var accepted = await anonymous.PostAsJsonAsync("/api/auth/invitations/accept", new { token, password = NewPassword, displayName = "Robin Coach" }))
        {
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
            Assert.Equal("Coach", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        }

        using var coach = await App.CreateClientForAsync(email, NewPassword);
        var me = await coach.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Contains("Coach", me.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.Equal(organisationId, (await coach.GetFromJsonAsync<JsonElement>("/api/organisation")).GetProperty("id").GetGuid());
        // The invitation gave the organisation-admin right: the new coach sees the staff list.
        var staff = await coach.GetFromJsonAsync<JsonElement>("/api/organisation/staff");
        Assert.Equal(["Robin Coach"], staff.GetProperty("staff").EnumerateArray().Select(member => member.GetProperty("displayName").GetString()));

        using var again = await anonymous.PostAsJsonAsync("/api/auth/invitations/accept", new { token, password = "a third passphrase", displayName = "Someone Else" });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound);
        await App.LoginAsync(email, NewPassword);
    }

    [Fact]
    public async Task ColleagueInvite_ByOrganisationAdmin_GivesTheSameRoleAndOrganisation()
    {
        using var admin = await OrganisationAdminAsync(OrganisationKind.Employer);
        var email = $"colleague-{Guid.NewGuid():N}@example.org";

        using (var invited = await admin.Client.PostAsJsonAsync("/api/organisation/invitations", new { email, organisationAdmin = false }))
        {
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }

        var pending = await admin.Client.GetFromJsonAsync<JsonElement>("/api/organisation/staff");
        Assert.Contains(email, pending.GetProperty("invitations").EnumerateArray().Select(invitation => invitation.GetProperty("email").GetString()));
        var token = await Mail.TokenAsync(App, email, "invitation");
        using var anonymous = App.CreateClient();
        using var accepted = await anonymous.PostAsJsonAsync("/api/auth/invitations/accept", new { token, password = NewPassword, displayName = "Kim" });

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        using var colleague = await App.CreateClientForAsync(email, NewPassword);
        Assert.Equal(admin.OrganisationId, (await colleague.GetFromJsonAsync<JsonElement>("/api/organisation")).GetProperty("id").GetGuid());
        Assert.Contains("Employer", (await colleague.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        // Without the right, the new colleague may not invite or list.
        using var refused = await colleague.PostAsJsonAsync("/api/organisation/invitations", new { email = "x@example.org", organisationAdmin = false });
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.DoesNotContain((await admin.Client.GetFromJsonAsync<JsonElement>("/api/organisation/staff")).GetProperty("invitations").EnumerateArray(),
            invitation => invitation.GetProperty("email").GetString() == email);
    }

    [Fact]
    public async Task ColleagueInvite_StaffWithoutTheRight_Returns403AndStoresNothing()
    {
        using var member = await Staff.NewAsync(App, OrganisationKind.Municipality);
        var email = $"nobody-{Guid.NewGuid():N}@example.org";

        using var invite = await member.Client.PostAsJsonAsync("/api/organisation/invitations", new { email, organisationAdmin = true });
        using var list = await member.Client.GetAsync("/api/organisation/staff");

        await ProblemAssert.IsProblemAsync(invite, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Forbidden);
        Assert.Empty(await Privacy.TableScan.FindAsync(App, email));
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("")]
    public async Task Invite_BadAddress_Returns400AndStoresNothing(string email)
    {
        using var admin = await App.CreateClientForAsync("admin@demo.test");
        var organisationId = await NewOrganisationAsync(admin, "Municipality");

        using var response = await admin.PostAsJsonAsync($"/api/admin/organisations/{organisationId}/invitations", new { email, organisationAdmin = false });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
        Assert.Equal(0, await InvitationCountAsync(organisationId));
    }

    [Fact]
    public async Task AdminInvite_UnknownOrganisation_Returns404()
    {
        using var admin = await App.CreateClientForAsync("admin@demo.test");

        using var response = await admin.PostAsJsonAsync($"/api/admin/organisations/{Guid.CreateVersion7()}/invitations", new { email = "a@example.org", organisationAdmin = false });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AdminInvite_NotAnAdmin_Returns403()
    {
        using var admin = await OrganisationAdminAsync(OrganisationKind.Municipality);

        using var response = await admin.Client.PostAsJsonAsync($"/api/admin/organisations/{admin.OrganisationId}/invitations", new { email = "a@example.org", organisationAdmin = false });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Accept_ExpiredInvitation_Returns404AndStoresNothing()
    {
        using var admin = await OrganisationAdminAsync(OrganisationKind.Municipality);
        var email = $"late-{Guid.NewGuid():N}@example.org";
        (await admin.Client.PostAsJsonAsync("/api/organisation/invitations", new { email, organisationAdmin = false })).Dispose();
        var token = await Mail.TokenAsync(App, email, "invitation");
        await using (var connection = await App.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                "UPDATE staff_invitations SET expires_at = @past WHERE normalized_email = @email",
                new { past = DateTimeOffset.UtcNow.AddMinutes(-1), email = email.ToUpperInvariant() });
        }

        using var anonymous = App.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/auth/invitations/accept", new { token, password = NewPassword, displayName = "Late" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = NewPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Empty((await admin.Client.GetFromJsonAsync<JsonElement>("/api/organisation/staff")).GetProperty("invitations").EnumerateArray());
    }

    [Theory]
    [InlineData("", "Robin", "password")]
    [InlineData("short", "Robin", "password")]
    [InlineData(NewPassword, "", "displayName")]
    public async Task Accept_BadInput_Returns400AndTheLinkStillWorks(string password, string displayName, string field)
    {
        using var admin = await OrganisationAdminAsync(OrganisationKind.EducationProvider);
        var email = $"typo-{Guid.NewGuid():N}@example.org";
        (await admin.Client.PostAsJsonAsync("/api/organisation/invitations", new { email, organisationAdmin = false })).Dispose();
        var token = await Mail.TokenAsync(App, email, "invitation");
        using var anonymous = App.CreateClient();

        using var refused = await anonymous.PostAsJsonAsync("/api/auth/invitations/accept", new { token, password, displayName });

        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(1, (await admin.Client.GetFromJsonAsync<JsonElement>("/api/organisation/staff")).GetProperty("staff").GetArrayLength());
        using var accepted = await anonymous.PostAsJsonAsync("/api/auth/invitations/accept", new { token, password = NewPassword, displayName = "Robin" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Accept_UnknownToken_Returns404(string token)
    {
        using var anonymous = App.CreateClient();

        using var response = await anonymous.PostAsJsonAsync("/api/auth/invitations/accept", new { token, password = NewPassword, displayName = "Robin" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Accept_AddressWithAnAccount_Returns409AndTakesNothingOver()
    {
        var (jobSeeker, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        jobSeeker.Dispose();
        using var admin = await OrganisationAdminAsync(OrganisationKind.Municipality);
        (await admin.Client.PostAsJsonAsync("/api/organisation/invitations", new { email, organisationAdmin = false })).Dispose();
        var token = await Mail.TokenAsync(App, email, "invitation");
        using var anonymous = App.CreateClient();

        using var response = await anonymous.PostAsJsonAsync("/api/auth/invitations/accept", new { token, password = NewPassword, displayName = "Robin" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict);
        using var same = await App.CreateClientForAsync(email, Hosting.Accounts.Password);
        Assert.Equal(["JobSeeker"], (await same.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
    }

    [Fact]
    public async Task DemoCoach_IsAnOrganisationAdmin()
    {
        using var coach = await App.CreateClientForAsync("coach@demo.test");

        var staff = await coach.GetFromJsonAsync<JsonElement>("/api/organisation/staff");

        Assert.Contains(staff.GetProperty("staff").EnumerateArray(), member =>
            member.GetProperty("email").GetString() == "coach@demo.test" && member.GetProperty("organisationAdmin").GetBoolean());
    }

    /// <summary>A new organisation of this kind with one staff member who has the organisation-admin right, signed in.</summary>
    internal static async Task<Staff.Member> OrganisationAdminAsync(PassportApp app, OrganisationKind kind)
    {
        var member = await Staff.NewAsync(app, kind);
        await app.Services.GetRequiredService<StaffRepository>().GrantOrganisationAdminAsync(member.UserId);
        return member;
    }

    private Task<Staff.Member> OrganisationAdminAsync(OrganisationKind kind) => OrganisationAdminAsync(App, kind);

    private static async Task<Guid> NewOrganisationAsync(HttpClient admin, string kind)
    {
        using var created = await admin.PostAsJsonAsync("/api/admin/organisations", new { kind, name = $"Youth Desk {Guid.NewGuid():N}"[..30], place = "Aarhus" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<long> InvitationCountAsync(Guid organisationId)
    {
        await using var connection = await App.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM staff_invitations WHERE organisation_id = @organisationId", new { organisationId });
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteStaffInvitationTests(SqliteWebAppFixture fixture) : StaffInvitationTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresStaffInvitationTests(PostgresWebAppFixture fixture) : StaffInvitationTests(fixture);
