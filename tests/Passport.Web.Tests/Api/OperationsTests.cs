using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Api;

[Collection(SqliteWebCollection.Name)]
public sealed class OperationsTests(SqliteWebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_RunningHost_IsHealthy(string path)
    {
        using var client = _app.CreateClient();

        var health = await client.GetFromJsonAsync<JsonElement>(path);

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_ChecksDatabaseAndSilo()
    {
        using var client = _app.CreateClient();

        var checks = (await client.GetFromJsonAsync<JsonElement>("/health/ready")).GetProperty("checks");

        Assert.Equal(["database", "silo"], checks.EnumerateObject().Select(check => check.Name).Order());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheAuthRoutesAndBearerScheme()
    {
        using var client = _app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/auth/login", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/me", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task ApiReference_Page_IsServedWithoutExternalScripts()
    {
        using var client = _app.CreateClient();

        var html = await client.GetStringAsync("/api/reference/");

        Assert.Contains("Passport API", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404Problem()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/api/does-not-exist");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Sectors_InDanish_AreNamedInDanish()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da");

        var sectors = await client.GetFromJsonAsync<JsonElement>("/api/sectors");

        Assert.Contains(sectors.EnumerateArray(), sector => sector.GetProperty("id").GetString() == "construction" && sector.GetProperty("name").GetString() == "Byggeri");
    }

    [Theory]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/account/signin", "/account/signin")]
    public async Task LanguageSwitch_ReturnUrl_StaysOnThisSite(string returnUrl, string expected)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = _app.Address };

        using var response = await client.GetAsync($"/language/da?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains("c%3Dda", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("da", "returnUrl=%2F%0D%0ASet-Cookie:%20x=1", "/")]
    [InlineData("da", "returnUrl=%2F%09%2Fevil.example", "/")]
    [InlineData("da", "returnUrl=%5C%5Cevil.example", "/")]
    [InlineData("da", "returnUrl=javascript:alert(1)", "/")]
    [InlineData("da", "returnUrl=%zz%2", "/")]
    [InlineData("da", "returnUrl=/%zz", "/%zz")]
    [InlineData("da", "returnUrl=", "/")]
    [InlineData("da", "", "/")]
    [InlineData("da", "returnUrl=%2Fm%C3%A5l%3Fq%3D1", "/m%C3%A5l?q=1")]
    [InlineData("da", "returnUrl=%2F%ED%A0%80", "/%ED%A0%80")]
    [InlineData("da", "returnUrl=/one&returnUrl=//two.example", "/one,//two.example")]
    [InlineData("xx", "returnUrl=/profile", "/profile")]
    [InlineData("%F0%9F%98%80", "returnUrl=/profile", "/profile")]
    public async Task LanguageSwitch_AnyInput_RedirectsOnThisSiteWithout500(string language, string query, string expected)
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = _app.Address };

        using var response = await client.GetAsync(new Uri($"/language/{language}?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task LanguageSwitch_VeryLongReturnUrl_RedirectsHome()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = _app.Address };

        using var response = await client.GetAsync(new Uri($"/language/nl?returnUrl=/{new string('a', 5000)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Body_OverOneMebibyte_Returns413ProblemAndStoresNothing()
    {
        var (client, _) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/me/preferences")
            {
                Content = new StringContent($"{{\"hoursPerWeek\":12,\"padding\":\"{new string('a', 1024 * 1024)}\"}}", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.ExpectContinue = true;

            using var response = await client.SendAsync(request);

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
            Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>("/api/me/preferences")).GetProperty("hoursPerWeek").ValueKind);
        }
    }

    [Fact]
    public async Task FrameworkProblems_InDanish_HaveDanishTitles()
    {
        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("da");

        using var response = await client.GetAsync("/api/me");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Log ind først.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
