using System.Net;
using System.Text.RegularExpressions;

namespace Passport.Web.Tests.Hosting;

/// <summary>
/// A browser-like session without a browser: a cookie jar, and forms posted the way a static Blazor page expects
/// them (its form name and the antiforgery token it rendered).
/// </summary>
public sealed partial class PageSession : IDisposable
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
    public async Task<HttpResponseMessage> PostFormAsync(string path, string formName, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var page = await GetPageAsync(path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {path}.");
        var body = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
        };
        using var content = new FormUrlEncodedContent(body);
        return await Client.PostAsync(path, content);
    }

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
