using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Api;

/// <summary>
/// Nothing a client sends makes a route answer 500: every route of the host, with odd route values, query values
/// and bodies, as a caller its policy lets in. Only requests that are refused before the route acts are sent to
/// routes that change things (unreadable bodies), so the sweep changes nothing.
/// </summary>
public abstract class InputFuzzTests(WebAppFixture fixture)
{
    private static readonly string[] OddTexts =
    [
        "x", "%00", "..%2F..%2Fetc%2Fpasswd", "'%20OR%201=1--", "%F0%9F%98%80", "-1", "99999999999999999999", "%zz", new string('a', 1000),
    ];

    private static readonly string[] OddQueryValues = ["", "-1", "0", "NaN", "1e309", "99999999999999999999", "not-a-guid", "%00", "%zz", "//evil.example"];

    /// <summary>Unreadable as the body a route wants: refused before the route runs.</summary>
    private static readonly string[] UnreadableBodies =
    [
        "{\"x\":",
        "[]",
        "\"text\"",
        "{\"x\":1}}",
        "{\"x\":\"\\ud800\",",
    ];

    private PassportApp App => fixture.App;

    [Fact]
    public async Task ApiRoutes_OddRouteAndQueryValues_NeverAnswer500()
    {
        var failures = new List<string>();
        foreach (var (method, pattern, endpoint) in AppRoutes.All(App).Where(route => route.Method == "GET" && IsApi(route.Endpoint)))
        {
            using var client = await AppRoutes.ClientForAsync(App, endpoint);
            var query = QueryWithOddValues(endpoint);
            foreach (var text in OddTexts)
            {
                var path = AppRoutes.Fill(pattern, text);
                await CheckAsync(client, new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), failures);
                await CheckAsync(client, new HttpRequestMessage(HttpMethod.Get, new Uri($"{path}?{query}", UriKind.Relative)), failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task ApiRoutes_UnreadableOrHugeBodies_AreRefusedWith4xx()
    {
        var failures = new List<string>();
        var withBodies = AppRoutes.All(App)
            .Where(route => route.Method is "POST" or "PUT" or "PATCH" && IsApi(route.Endpoint)
                && route.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts && accepts.ContentTypes.Contains("application/json"))
            .ToList();
        Assert.NotEmpty(withBodies);
        foreach (var (method, pattern, endpoint) in withBodies)
        {
            using var client = await AppRoutes.ClientForAsync(App, endpoint);
            foreach (var body in UnreadableBodies.Append(new string('[', 100_000)).Append($"{{\"x\":\"{new string('a', 2 * 1024 * 1024)}\"}}"))
            {
                var request = new HttpRequestMessage(new HttpMethod(method), new Uri(AppRoutes.Fill(pattern), UriKind.Relative))
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                // A body over the limit is refused from its Content-Length; the client then waits for that answer instead of sending it all.
                request.Headers.ExpectContinue = body.Length > 1024 * 1024;
                await CheckAsync(client, request, failures, mustBeClientError: true, body[..Math.Min(body.Length, 20)]);
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Pages_OddQueryValues_NeverAnswer500()
    {
        var failures = new List<string>();
        var seeker = await Hosting.Accounts.NewJobSeekerAsync(App);
        seeker.Client.Dispose();
        var cookies = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        try
        {
            foreach (var (_, pattern, endpoint) in AppRoutes.All(App).Where(route => route.Method == "GET" && PageType(route.Endpoint) is not null))
            {
                var policy = endpoint.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(data => data.Policy).LastOrDefault(name => name is not null);
                var (email, password) = policy switch
                {
                    "Admin" => ("admin@demo.test", PassportApp.DemoPassword),
                    "Staff" or "Employer" => ("employer@demo.test", PassportApp.DemoPassword),
                    "EducationPartner" => ("school@demo.test", PassportApp.DemoPassword),
                    "Coach" => ("coach@demo.test", PassportApp.DemoPassword),
                    _ => (seeker.Email, Hosting.Accounts.Password),
                };
                if (!cookies.TryGetValue(email, out var client))
                {
                    client = await CookieClientAsync(email, password);
                    cookies[email] = client;
                }

                var names = PageType(endpoint)!.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                    .Select(property => (property, attribute: property.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                    .Where(pair => pair.attribute is not null)
                    .Select(pair => pair.attribute!.Name ?? pair.property.Name)
                    .ToList();
                foreach (var value in OddQueryValues)
                {
                    var query = string.Join("&", names.Select(name => $"{name}={value}"));
                    foreach (var text in new[] { "x", "not-a-guid", Guid.NewGuid().ToString() })
                    {
                        var path = AppRoutes.Fill(pattern, text);
                        await CheckAsync(client, new HttpRequestMessage(HttpMethod.Get, new Uri($"{path}?{query}", UriKind.Relative)), failures);
                    }
                }
            }
        }
        finally
        {
            foreach (var client in cookies.Values)
            {
                client.Dispose();
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool IsApi(RouteEndpoint endpoint) => PageType(endpoint) is null;

    private static Type? PageType(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;

    /// <summary>The route's own query parameters (from its OpenAPI description) and the usual ones, each with an odd value.</summary>
    private static string QueryWithOddValues(RouteEndpoint endpoint)
    {
        var names = endpoint.Metadata.OfType<MethodInfo>()
            .SelectMany(method => method.GetParameters())
            .Where(parameter => parameter.ParameterType.IsValueType || parameter.ParameterType == typeof(string))
            .Select(parameter => parameter.Name!)
            .Concat(["page", "pageSize", "top", "before", "beforeId", "returnUrl"])
            .Distinct(StringComparer.Ordinal);
        return string.Join("&", names.Select((name, index) => $"{name}={OddQueryValues[index % OddQueryValues.Length]}"));
    }

    private async Task<HttpClient> CookieClientAsync(string email, string password)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = App.Address };
        var form = await client.GetStringAsync(new Uri("/account/signin", UriKind.Relative));
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        Assert.True(signIn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"Sign-in as {email}: {(int)signIn.StatusCode}");
        return client;
    }

    private static async Task CheckAsync(HttpClient client, HttpRequestMessage request, List<string> failures, bool mustBeClientError = false, string? body = null)
    {
        using (request)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500 || (mustBeClientError && status is < 400))
            {
                var target = request.RequestUri!.OriginalString;
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{request.Method} {target[..Math.Min(target.Length, 160)]} {body}: {status}"));
            }
        }
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteInputFuzzTests(SqliteWebAppFixture fixture) : InputFuzzTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresInputFuzzTests(PostgresWebAppFixture fixture) : InputFuzzTests(fixture);
