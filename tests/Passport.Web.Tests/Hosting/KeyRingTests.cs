using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Passport.Data.Database;
using Passport.Testing;

namespace Passport.Web.Tests.Hosting;

/// <summary>The Data Protection key ring (cookie and antiforgery keys) is encrypted with a certificate before it is stored.</summary>
public abstract partial class KeyRingTests(StorageProvider provider)
{
    [Fact]
    public async Task KeyRing_WithCertificate_IsStoredEncryptedAndOnlyHostsWithTheCertificateReadTheCookie()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var certificate = TestCertificates.Create();
        using var other = TestCertificates.Create("CN=someone-else");
        var pfx = TestCertificates.WritePfx(certificate, database.Folder);
        var (pem, key) = TestCertificates.WritePem(certificate, database.Folder);
        var otherPfx = TestCertificates.WritePfx(other, database.Folder, "other.pfx");
        var email = Accounts.NewEmail();

        string cookie;
        await using (var first = new PassportApp(database, WithCertificate(pfx, TestCertificates.Password)))
        {
            first.StartServer();
            using (var anonymous = first.CreateClient())
            using (var registered = await Accounts.RegisterAsync(anonymous, email))
            {
                registered.EnsureSuccessStatusCode();
            }

            cookie = await SignInOnThePageAsync(first, email);
            Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(first, cookie));

            await using var connection = await first.Services.GetRequiredService<PassportDatabase>().OpenConnectionAsync();
            var stored = (await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys")).ToList();
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }

        // The same certificate as PEM files: another host reads the stored keys and accepts the cookie.
        await using (var second = new PassportApp(database, [new("DataProtection:Certificate:Path", pem), new("DataProtection:Certificate:KeyPath", key)]))
        {
            second.StartServer();
            Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(second, cookie));
        }

        // Without the certificate the stored keys are unreadable, so the cookie signs nobody in.
        await using var stranger = new PassportApp(database, WithCertificate(otherPfx, TestCertificates.Password));
        stranger.StartServer();
        Assert.Equal(HttpStatusCode.Redirect, await ProfileStatusAsync(stranger, cookie));
    }

    [Fact]
    public async Task KeyRing_RotatedCertificate_StillReadsKeysOfThePreviousOne()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var old = TestCertificates.Create("CN=key-ring-2025");
        using var current = TestCertificates.Create("CN=key-ring-2026");
        var oldPfx = TestCertificates.WritePfx(old, database.Folder, "old.pfx");
        var currentPfx = TestCertificates.WritePfx(current, database.Folder, "current.pfx");
        var email = Accounts.NewEmail();

        string cookie;
        await using (var before = new PassportApp(database, WithCertificate(oldPfx, TestCertificates.Password)))
        {
            before.StartServer();
            using (var anonymous = before.CreateClient())
            using (var registered = await Accounts.RegisterAsync(anonymous, email))
            {
                registered.EnsureSuccessStatusCode();
            }

            cookie = await SignInOnThePageAsync(before, email);
        }

        await using var after = new PassportApp(database,
        [
            .. WithCertificate(currentPfx, TestCertificates.Password),
            new("DataProtection:PreviousCertificates:0:Path", oldPfx),
            new("DataProtection:PreviousCertificates:0:Password", TestCertificates.Password),
        ]);
        after.StartServer();

        Assert.Equal(HttpStatusCode.OK, await ProfileStatusAsync(after, cookie));
    }

    private static KeyValuePair<string, string?>[] WithCertificate(string path, string password) =>
        [new("DataProtection:Certificate:Path", path), new("DataProtection:Certificate:Password", password)];

    /// <summary>Signs in through the sign-in page's form, as a browser does (antiforgery included); returns the cookies.</summary>
    private static async Task<string> SignInOnThePageAsync(PassportApp app, string email)
    {
        using var client = PlainClient(app);
        using var page = await client.GetAsync(new Uri("/account/signin", UriKind.Relative));
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups["token"].Value;
        Assert.NotEmpty(token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = Accounts.Password,
        });
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/signin", UriKind.Relative)) { Content = form };
        post.Headers.Add("Cookie", Cookies(page));

        using var signedIn = await client.SendAsync(post);

        var cookies = Cookies(signedIn);
        Assert.Contains("passport.auth=", cookies, StringComparison.Ordinal);
        return cookies;
    }

    /// <summary>200 when the cookie signs someone in; a redirect to the sign-in page when it does not.</summary>
    private static async Task<HttpStatusCode> ProfileStatusAsync(PassportApp app, string cookie)
    {
        using var client = PlainClient(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/profile", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A client that neither follows redirects nor keeps cookies: each request carries exactly the cookies given.</summary>
    private static HttpClient PlainClient(PassportApp app) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.Address };

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(cookie => cookie.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class SqliteKeyRingTests() : KeyRingTests(StorageProvider.Sqlite);

[Trait("Category", "Postgres")]
public sealed class PostgresKeyRingTests() : KeyRingTests(StorageProvider.Postgres);
