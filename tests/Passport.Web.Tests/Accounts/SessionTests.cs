using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Passport.Data.Accounts;
using Passport.Application.Accounts;
using Passport.Web.Accounts;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Accounts;

/// <summary>Sessions end on the server: signing out, a new password and sign-out-everywhere stop old cookies and tokens.</summary>
public abstract class SessionTests(WebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task SignOut_SavedCookieReplayed_NoLongerReadsTheExport()
    {
        var (email, _) = await RegisterAsync();
        using var browser = PageForms.NewBrowserlikeClient(_app);
        using var signedIn = await PageForms.SignInAsync(browser, email, Hosting.Accounts.Password);
        var saved = PageForms.AuthCookieFrom(signedIn);
        using var stranger = PageForms.NewBrowserlikeClient(_app, keepCookies: false);
        using var before = await stranger.SendAsync(PageForms.WithCookie("/me/data/export", saved));

        using var signedOut = await PageForms.SignOutAsync(browser);
        using var after = await stranger.SendAsync(PageForms.WithCookie("/me/data/export", saved));

        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Found, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.StartsWith("/account/signin", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_OnAPage_AlsoEndsTheAccountsApiTokens()
    {
        var (email, _) = await RegisterAsync();
        using var api = await _app.CreateClientForAsync(email, Hosting.Accounts.Password);
        using var browser = PageForms.NewBrowserlikeClient(_app);
        (await PageForms.SignInAsync(browser, email, Hosting.Accounts.Password)).Dispose();

        (await PageForms.SignOutAsync(browser)).Dispose();
        using var me = await api.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsEveryTokenOfTheAccountButNoOneElses()
    {
        var (email, _) = await RegisterAsync();
        using var first = await _app.CreateClientForAsync(email, Hosting.Accounts.Password);
        using var second = await _app.CreateClientForAsync(email, Hosting.Accounts.Password);
        var (other, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var _other = other;

        using var logout = await first.PostAsync("/api/auth/logout", null);
        using var firstAfter = await first.GetAsync("/api/me");
        using var secondAfter = await second.GetAsync("/api/me");
        using var otherAfter = await other.GetAsync("/api/me");
        var again = await _app.LoginAsync(email, Hosting.Accounts.Password);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await ProblemAssert.IsProblemAsync(firstAfter, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, secondAfter.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherAfter.StatusCode);
        Assert.False(string.IsNullOrEmpty(again));
    }

    [Fact]
    public async Task ChangePassword_OlderTokenGets401_NewTokenAndPasswordWork()
    {
        var (email, _) = await RegisterAsync();
        using var older = await _app.CreateClientForAsync(email, Hosting.Accounts.Password);
        using var client = await _app.CreateClientForAsync(email, Hosting.Accounts.Password);

        using var changed = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = Hosting.Accounts.Password, newPassword = "another long phrase" });
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        using var olderAfter = await older.GetAsync("/api/me");
        using var fresh = _app.CreateClient();
        fresh.DefaultRequestHeaders.Authorization = PageForms.Bearer(body.GetProperty("accessToken").GetString()!);
        using var freshMe = await fresh.GetAsync("/api/me");
        using var anonymous = _app.CreateClient();
        using var oldPassword = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = Hosting.Accounts.Password });
        using var newPassword = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = "another long phrase" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await ProblemAssert.IsProblemAsync(olderAfter, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, freshMe.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newPassword.StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_Returns403AndKeepsThePasswordAndToken()
    {
        var (email, _) = await RegisterAsync();
        using var client = await _app.CreateClientForAsync(email, Hosting.Accounts.Password);

        using var refused = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = "not my password", newPassword = "another long phrase" });
        using var me = await client.GetAsync("/api/me");

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.False(string.IsNullOrEmpty(await _app.LoginAsync(email, Hosting.Accounts.Password)));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("Password1")]
    [InlineData("  QWERTYUIOP ")]
    public async Task ChangePassword_CommonNewPassword_Returns400OnNewPasswordAndKeepsTheOld(string common)
    {
        var (email, _) = await RegisterAsync();
        using var client = await _app.CreateClientForAsync(email, Hosting.Accounts.Password);

        using var refused = await client.PostAsJsonAsync("/api/me/password", new { currentPassword = Hosting.Accounts.Password, newPassword = common });

        var errors = (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("easy to guess", errors.GetProperty("newPassword")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_MissingFields_Returns400NamingBoth()
    {
        var (email, _) = await RegisterAsync();
        using var client = await _app.CreateClientForAsync(email, Hosting.Accounts.Password);

        using var refused = await client.PostAsJsonAsync("/api/me/password", new { });

        var errors = (await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["currentPassword", "newPassword"], errors.EnumerateObject().Select(property => property.Name).Order());
    }

    [Theory]
    [InlineData("POST", "/api/me/password", "not json at all")]
    [InlineData("POST", "/api/me/password", "{\"currentPassword\": 42, \"newPassword\": []}")]
    [InlineData("DELETE", "/api/me", "{\"password\":")]
    [InlineData("DELETE", "/api/me", "[1, 2]")]
    public async Task PasswordRoutes_MalformedBody_Return400ProblemAndChangeNothing(string method, string path, string body)
    {
        var (email, _) = await RegisterAsync();
        using var client = await _app.CreateClientForAsync(email, Hosting.Accounts.Password);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Logout_Anonymous_Returns401Problem()
    {
        using var anonymous = _app.CreateClient();

        using var response = await anonymous.PostAsync("/api/auth/logout", null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ChangePasswordOnTheProfilePage_KeepsThisBrowserSignedInAndEndsTheOldToken()
    {
        var (email, _) = await RegisterAsync();
        using var older = await _app.CreateClientForAsync(email, Hosting.Accounts.Password);
        using var browser = PageForms.NewBrowserlikeClient(_app);
        (await PageForms.SignInAsync(browser, email, Hosting.Accounts.Password)).Dispose();

        using var changed = await PageForms.PostFormAsync(browser, "/profile", "password",
            [new("PasswordInput.CurrentPassword", Hosting.Accounts.Password), new("PasswordInput.NewPassword", "another long phrase")]);
        using var export = await browser.GetAsync("/me/data/export");
        using var olderAfter = await older.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Found, changed.StatusCode);
        Assert.Equal("/profile?saved=password", changed.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, olderAfter.StatusCode);
    }

    [Fact]
    public async Task SignIn_ForwardedHttpsWithoutConfiguredProxy_IsIgnoredAndTheCookieIsNotSecure()
    {
        var (email, _) = await RegisterAsync();
        using var browser = PageForms.NewBrowserlikeClient(_app);

        using var signedIn = await PageForms.SignInAsync(browser, email, Hosting.Accounts.Password,
            request => request.Headers.Add("X-Forwarded-Proto", "https"));

        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.DoesNotContain("secure", PageForms.AuthCookieAttributes(signedIn));
        Assert.Contains("httponly", PageForms.AuthCookieAttributes(signedIn));
    }

    /// <summary>Another host changed the stamp: this one keeps trusting what it read for the interval, and no longer.</summary>
    [Fact]
    public async Task SessionStamps_StampChangedElsewhere_RefusedOnceTheCheckIntervalHasPassed()
    {
        var (email, _) = await RegisterAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var interval = _app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.SessionCheckInterval;
        using var otherHost = new SessionStamps(
            _app.Services.GetRequiredService<UserStore>(), _app.Services.GetRequiredService<IOptions<AuthOptions>>(), time, NullLogger<SessionStamps>.Instance);
        PassportUser user;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            user = (await scope.ServiceProvider.GetRequiredService<UserManager<PassportUser>>().FindByEmailAsync(email))!;
        }

        var principal = new ClaimsPrincipal(PassportClaims.CreateIdentity(user, "Bearer"));
        var before = await otherHost.IsCurrentAsync(principal, CancellationToken.None);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().EndAllSessionsAsync(user.Id);
        }

        var withinInterval = await otherHost.IsCurrentAsync(principal, CancellationToken.None);
        time.Advance(interval + TimeSpan.FromSeconds(1));
        var afterInterval = await otherHost.IsCurrentAsync(principal, CancellationToken.None);

        Assert.True(before);
        Assert.True(withinInterval);
        Assert.False(afterInterval);
        Assert.InRange(interval, TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    private async Task<(string Email, HttpStatusCode Status)> RegisterAsync()
    {
        var email = Hosting.Accounts.NewEmail();
        using var client = _app.CreateClient();
        using var response = await Hosting.Accounts.RegisterAsync(client, email);
        response.EnsureSuccessStatusCode();
        return (email, response.StatusCode);
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteSessionTests(SqliteWebAppFixture fixture) : SessionTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresSessionTests(PostgresWebAppFixture fixture) : SessionTests(fixture);
