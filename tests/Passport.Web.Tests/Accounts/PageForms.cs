using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Accounts;

/// <summary>
/// The account pages' forms posted the way a browser posts them (antiforgery token, Blazor's form name), without a
/// browser, so tests can look at status codes, redirects and cookies.
/// </summary>
internal static partial class PageForms
{
    public const string AuthCookie = "passport.auth";

    /// <summary>A client that keeps cookies (or, for someone replaying a copied cookie, not) and does not follow redirects.</summary>
    public static HttpClient NewBrowserlikeClient(PassportApp app, bool keepCookies = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = keepCookies }) { BaseAddress = app.Address };
    }

    /// <summary>Opens <paramref name="path"/> and posts its form <paramref name="formName"/> with <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string path, string formName, IEnumerable<KeyValuePair<string, string>> fields, Action<HttpRequestMessage>? configure = null,
        string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var page = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(page);
        using var opened = await client.SendAsync(page);
        var html = await opened.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"{path} has no antiforgery token (status {(int)opened.StatusCode}).");
        List<KeyValuePair<string, string>> form = [new("__RequestVerificationToken", token), .. fields];
        if (formName.Length > 0)
        {
            form.Add(new("_handler", formName));
        }

        var post = new HttpRequestMessage(HttpMethod.Post, action ?? path) { Content = new FormUrlEncodedContent(form) };
        configure?.Invoke(post);
        return await client.SendAsync(post);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, Action<HttpRequestMessage>? configure = null) =>
        PostFormAsync(client, "/account/signin", "signin", [new("Input.Email", email), new("Input.Password", password)], configure);

    /// <summary>The sign-out button every signed-in page shows.</summary>
    public static Task<HttpResponseMessage> SignOutAsync(HttpClient client) =>
        PostFormAsync(client, "/profile", "", [], action: "/account/signout");

    /// <summary>The <c>name=value</c> pairs of the sign-in cookie the response set, ready for a <c>Cookie</c> header.</summary>
    public static string AuthCookieFrom(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        var pairs = cookies.Where(cookie => cookie.StartsWith(AuthCookie, StringComparison.Ordinal)).Select(cookie => cookie.Split(';')[0]).ToList();
        Assert.NotEmpty(pairs);
        return string.Join("; ", pairs);
    }

    /// <summary>The attributes of the sign-in cookie the response set, lower case (e.g. <c>secure</c>, <c>httponly</c>).</summary>
    public static string[] AuthCookieAttributes(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith(AuthCookie + "=", StringComparison.Ordinal));
        return [.. cookie.Split(';').Skip(1).Select(attribute => attribute.Trim().Split('=')[0].ToLowerInvariant())];
    }

    /// <summary>A request that carries only this cookie, as someone who copied it would send it.</summary>
    public static HttpRequestMessage WithCookie(string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
