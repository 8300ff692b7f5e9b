using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.OrganisationStaff;

/// <summary>
/// Password reset by e-mail: asking never tells whether an address has an account; a link works once, and every
/// session, access token and other reset link issued before it stops working.
/// </summary>
public abstract class PasswordResetTests(WebAppFixture fixture)
{
    private const string NewPassword = "a brand new passphrase";

    private PassportApp App => fixture.App;

    [Fact]
    public async Task Reset_WorksOnceAndEarlierTokensAreRefused()
    {
        var (signedIn, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using var owner = signedIn;
        using var anonymous = App.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email })).Dispose();
        var earlierLink = Mail.TokenIn((await Mail.ForAsync(App, email))[0].Text);
        using (var asked = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email }))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        var mails = await Mail.ForAsync(App, email);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, mail => Assert.Equal("password-reset", mail.Kind));
        Assert.StartsWith("Hello Robin, you can choose a new password.", mails[1].Text, StringComparison.Ordinal);
        var token = Mail.TokenIn(mails[1].Text);

        using (var confirmed = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, password = NewPassword }))
        {
            Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        }

        using (var old = await signedIn.GetAsync("/api/me"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }

        using var again = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, password = "yet another passphrase" });
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.NotFound);
        using var earlier = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token = earlierLink, password = "yet another passphrase" });
        await ProblemAssert.IsProblemAsync(earlier, HttpStatusCode.NotFound);
        using var oldPassword = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = Hosting.Accounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        var fresh = await App.LoginAsync(email, NewPassword);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", fresh) } };
        using var me = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Request_UnknownAddress_Returns202AndSendsNothing()
    {
        var email = Hosting.Accounts.NewEmail();
        using var anonymous = App.CreateClient();

        using var response = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await Mail.ForAsync(App, email));
        Assert.Empty(await Privacy.TableScan.FindAsync(App, email));
    }

    [Fact]
    public async Task Request_BadAddress_Returns400()
    {
        using var anonymous = App.CreateClient();

        using var response = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email = "nope" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Confirm_WeakPassword_Returns400AndTheLinkStillWorks()
    {
        var (signedIn, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using var owner = signedIn;
        using var anonymous = App.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { email })).Dispose();
        var token = await Mail.TokenAsync(App, email, "password-reset");

        using var weak = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, password = "short" });

        var problem = await ProblemAssert.IsProblemAsync(weak, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
        using (var still = await signedIn.GetAsync("/api/me"))
        {
            Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        }

        using var confirmed = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token, password = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
    }

    [Fact]
    public async Task Confirm_UnknownToken_Returns404()
    {
        using var anonymous = App.CreateClient();

        using var response = await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", new { token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", password = NewPassword });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqlitePasswordResetTests(SqliteWebAppFixture fixture) : PasswordResetTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresPasswordResetTests(PostgresWebAppFixture fixture) : PasswordResetTests(fixture);
