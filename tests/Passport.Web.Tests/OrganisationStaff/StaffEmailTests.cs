using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Web.Tests.Email;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.OrganisationStaff;

/// <summary>
/// The acceptance path through a real SMTP server on loopback: an Admin invites a new staff member to a new
/// Municipality organisation, the e-mail arrives with the link, accepting it lets the person sign in as a Coach and
/// the link then fails; a password reset by e-mail works once and every earlier token is refused.
/// </summary>
public abstract class StaffEmailTests(SmtpWebAppFixture fixture)
{
    private const string Chosen = "a chosen long passphrase";

    private PassportApp App => fixture.App;

    [Fact]
    public async Task Invitation_ArrivesByEmail_AcceptedPersonSignsInAsCoach_ThenTheLinkFails()
    {
        using var admin = await App.CreateClientForAsync("admin@demo.test");
        using var created = await admin.PostAsJsonAsync("/api/admin/organisations", new { kind = "Municipality", name = $"Youth Desk {Guid.NewGuid():N}"[..24], place = "Aalborg" });
        var organisationId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var email = $"coach-{Guid.NewGuid():N}@example.org";

        using (var invited = await admin.PostAsJsonAsync($"/api/admin/organisations/{organisationId}/invitations", new { email, organisationAdmin = true }))
        {
            Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        }

        var message = await fixture.Smtp.WaitForMessageToAsync(email);
        var lines = message.TextBody!.Split('\n');
        Assert.StartsWith("Platform admin invites you to work for Youth Desk", lines[0], StringComparison.Ordinal);
        Assert.Equal("Open the link within 7 days. Choose your name and a password.", lines[1].TrimEnd('\r'));
        Assert.Contains($"{App.Address.GetLeftPart(UriPartial.Authority)}/invitations/accept?token=", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("/invitations/accept?token=", message.HtmlBody, StringComparison.Ordinal);
        var token = Mail.TokenIn(message.TextBody!);

        using var anonymous = App.CreateClient();
        using (var accepted = await anonymous.PostAsJsonAsync("/api/auth/invitations/accept", new { token, password = Chosen, displayName = "Robin" }))
        {
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }

        using var coach = await App.CreateClientForAsync(email, Chosen);
        Assert.Equal(["Coach"], (await coach.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        using var reused = await anonymous.PostAsJsonAsync("/api/auth/invitations/accept", new { token, password = "a different passphrase", displayName = "Eve" });
        await ProblemAssert.IsProblemAsync(reused, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PasswordReset_ArrivesByEmail_WorksOnce_AndEarlierTokensGet401()
    {
        var (signedIn, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using var earlier = signedIn;
        using var anonymous = App.CreateClient();

        using (var asked = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email }))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        var message = await fixture.Smtp.WaitForMessageToAsync(email);
        Assert.Equal("Choose a new password for Passport", message.Subject);
        var token = Mail.TokenIn(message.TextBody!);
        using (var confirmed = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, password = Chosen }))
        {
            Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        }

        using (var refused = await earlier.GetAsync("/api/me"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var again = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, password = "a different passphrase" });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound);
        using var fresh = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", await App.LoginAsync(email, Chosen)) } };
        using var me = await anonymous.SendAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }
}

public sealed class SqliteStaffEmailTests(SqliteSmtpWebAppFixture fixture) : StaffEmailTests(fixture), IClassFixture<SqliteSmtpWebAppFixture>;

[Trait("Category", "Postgres")]
public sealed class PostgresStaffEmailTests(PostgresSmtpWebAppFixture fixture) : StaffEmailTests(fixture), IClassFixture<PostgresSmtpWebAppFixture>;
