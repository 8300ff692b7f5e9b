using System.Net;
using Passport.Web.Tests.Accounts;

namespace Passport.Web.Tests.Hosting;

/// <summary>
/// A browser-like session without a browser: a cookie jar, and forms posted the way a static Blazor page expects
/// them (its form name and the antiforgery token it rendered).
/// </summary>
public sealed class PageSession : IDisposable
{
    private readonly HttpClientHandler _handler;

    private PageSession(PassportApp app)
    {
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
        Client = new HttpClient(_handler) { BaseAddress = app.Address };
    }

    public HttpClient Client { get; }

    /// <summary>Signs in through the sign-in page and keeps the cookie it sets.</summary>
    public static async Task<PageSession> SignInAsync(PassportApp app, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(app);
        var session = new PageSession(app);
        using var response = await session.PostFormAsync("/account/signin", "signin", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.DoesNotContain("/account/signin", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        return session;
    }

    public async Task<string> GetPageAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Opens <paramref name="path"/>, then posts the form <paramref name="formName"/> with its antiforgery token.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, string formName, Dictionary<string, string> fields) =>
        PageForms.PostFormAsync(Client, path, formName, fields);

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }
}
