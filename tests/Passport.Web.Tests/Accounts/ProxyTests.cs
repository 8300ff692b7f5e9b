using System.Net;
using System.Net.Http.Json;
using Passport.Data.Database;
using Passport.Testing;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Accounts;

/// <summary>
/// A host outside Development behind a proxy it trusts (the tests connect from loopback and say who the client is
/// in <c>X-Forwarded-For</c>), with the shipped sign-in rate limit of 30 a minute. Each test acts from addresses of
/// its own, so tests do not share limits.
/// </summary>
public sealed class ProxiedHostFixture : WebAppFixture
{
    public override StorageProvider Provider => StorageProvider.Sqlite;

    protected override PassportApp CreateApp(TestDatabase database) => new(database,
    [
        new("Proxy:KnownProxies", "127.0.0.1, ::1"),
        new("RateLimits:AuthPermitsPerMinute", "30"),
        // HSTS is never sent for localhost, so the HTTPS test asks for the site by a name of its own.
        new("AllowedHosts", "127.0.0.1;localhost;passport.example"),
    ], environment: "Production");
}

public sealed class ProxyTests(ProxiedHostFixture fixture) : IClassFixture<ProxiedHostFixture>
{
    private static int _lastAddress;

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task SignInPage_31stPostInAMinuteFromOneAddress_Gets429()
    {
        var client = NewAddress();
        using var browser = PageForms.NewBrowserlikeClient(_app);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 31; attempt++)
        {
            using var response = await PageForms.SignInAsync(browser, Hosting.Accounts.NewEmail(), "a wrong guess", client);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Too many attempts", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 30), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task SignUpPageAndApi_ShareOneBudgetPerAddress_ButOtherAddressesAreNotLimited()
    {
        var client = NewAddress();
        var other = NewAddress();
        using var browser = PageForms.NewBrowserlikeClient(_app);
        for (var attempt = 0; attempt < 30; attempt++)
        {
            using var login = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { email = Hosting.Accounts.NewEmail(), password = "a wrong guess" }) };
            client(login);
            using var answer = await browser.SendAsync(login);
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        }

        using var signUp = await PageForms.PostFormAsync(browser, "/account/signup", "signup", [new("Input.Email", Hosting.Accounts.NewEmail())], client);
        using var elsewhere = await PageForms.PostFormAsync(browser, "/account/signup", "signup", [new("Input.Email", Hosting.Accounts.NewEmail())], other);

        Assert.Equal(HttpStatusCode.TooManyRequests, signUp.StatusCode);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task Lockout_WrongPasswordsFromOneAddress_DoNotLockThePersonOutFromTheirs()
    {
        var email = Hosting.Accounts.NewEmail();
        var attacker = NewAddress();
        var owner = NewAddress();
        using var api = _app.CreateClient();
        using (var registered = await Send(api, HttpMethod.Post, "/api/auth/register", owner,
            new { email, password = Hosting.Accounts.Password, displayName = "Robin", birthYear = 2005, language = "en" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await Send(api, HttpMethod.Post, "/api/auth/login", attacker, new { email, password = "a wrong guess" })).Dispose();
        }

        using var attackerRight = await Send(api, HttpMethod.Post, "/api/auth/login", attacker, new { email, password = Hosting.Accounts.Password });
        using var ownerRight = await Send(api, HttpMethod.Post, "/api/auth/login", owner, new { email, password = Hosting.Accounts.Password });

        await ProblemAssert.IsProblemAsync(attackerRight, (HttpStatusCode)423);
        Assert.Equal(HttpStatusCode.OK, ownerRight.StatusCode);
    }

    [Fact]
    public async Task SignIn_ThroughTlsTerminatingProxy_SetsSecureCookieAndHsts()
    {
        var email = Hosting.Accounts.NewEmail();
        var client = NewAddress();
        using (var api = _app.CreateClient())
        using (var registered = await Hosting.Accounts.RegisterAsync(api, email))
        {
            registered.EnsureSuccessStatusCode();
        }

        using var browser = PageForms.NewBrowserlikeClient(_app);
        // Only the post claims HTTPS: over plain HTTP the test client would hold back the page's (then Secure) antiforgery cookie.
        using var overHttps = await PageForms.SignInAsync(browser, email, Hosting.Accounts.Password, request =>
        {
            client(request);
            request.Headers.Host = "passport.example";
            if (request.Method == HttpMethod.Post)
            {
                request.Headers.Add("X-Forwarded-Proto", "https");
            }
        });
        using var plain = _app.CreateClient();
        using var overHttp = await plain.SendAsync(WithHost(new HttpRequestMessage(HttpMethod.Get, "/"), "passport.example"));

        Assert.Equal(HttpStatusCode.Found, overHttps.StatusCode);
        Assert.Contains("secure", PageForms.AuthCookieAttributes(overHttps));
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(overHttps.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>A fresh client address from the documentation range (RFC 5737), set on each request as the proxy would.</summary>
    private static Action<HttpRequestMessage> NewAddress()
    {
        var number = Interlocked.Increment(ref _lastAddress);
        var address = $"203.0.{113 + (number / 250)}.{(number % 250) + 1}";
        return request => request.Headers.Add("X-Forwarded-For", address);
    }

    private static HttpRequestMessage WithHost(HttpRequestMessage request, string host)
    {
        request.Headers.Host = host;
        return request;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, Action<HttpRequestMessage> from, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        from(request);
        return client.SendAsync(request);
    }
}
