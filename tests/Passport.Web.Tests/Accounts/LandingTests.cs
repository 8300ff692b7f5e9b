using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Matching;

namespace Passport.Web.Tests.Accounts;

/// <summary>After signing in, each role lands on the page where its work starts; a job seeker's home says what to do next.</summary>
public abstract partial class LandingTests(WebAppFixture fixture)
{
    private readonly PassportApp _app = fixture.App;

    [Theory]
    [InlineData("youth@demo.test", "/home")]
    [InlineData("employer@demo.test", "/employer/vacancies")]
    [InlineData("school@demo.test", "/education/insights")]
    [InlineData("coach@demo.test", "/people")]
    [InlineData("admin@demo.test", "/admin/matching")]
    public async Task SignIn_EachRole_LandsOnItsHomeWhichOpens(string email, string home)
    {
        using var browser = PageForms.NewBrowserlikeClient(_app);

        using var signedIn = await PageForms.SignInAsync(browser, email, PassportApp.DemoPassword);
        using var landed = await browser.GetAsync(signedIn.Headers.Location);

        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Equal(home, signedIn.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
    }

    [Theory]
    [InlineData("/passport", "/passport")]
    [InlineData("//evil.example/", "/home")]
    [InlineData("https://evil.example/", "/home")]
    public async Task SignIn_ReturnAddress_IsFollowedOnlyWhenItIsOnThisSite(string returnUrl, string expected)
    {
        var email = await RegisterAsync();
        using var browser = PageForms.NewBrowserlikeClient(_app);

        using var signedIn = await PageForms.SignInAsync(browser, email, Hosting.Accounts.Password,
            request => request.RequestUri = new Uri($"/account/signin?ReturnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Equal(expected, signedIn.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignIn_RightAfterSignUp_NewJobSeekerIsWelcomedHomeWithTheFirstSprintWhoseLinkOpensIt()
    {
        var email = await RegisterAsync();
        using var browser = PageForms.NewBrowserlikeClient(_app);

        using var signedIn = await PageForms.SignInAsync(browser, email, Hosting.Accounts.Password,
            request => request.RequestUri = new Uri("/account/signin?signedup=true", UriKind.Relative));
        var home = await browser.GetStringAsync(signedIn.Headers.Location);
        var play = PlayLink().Match(home);
        using var sprint = await browser.GetAsync(new Uri(play.Value, UriKind.Relative));

        Assert.Equal("/home?welcome=true", signedIn.Headers.Location!.PathAndQuery);
        Assert.Contains("Welcome! Your account is ready.", home, StringComparison.Ordinal);
        Assert.Contains("data-step=\"FirstSprint\"", home, StringComparison.Ordinal);
        Assert.Contains("Play your first sprint", home, StringComparison.Ordinal);
        Assert.True(play.Success, "the home links to a sprint");
        Assert.Equal(HttpStatusCode.OK, sprint.StatusCode);
    }

    [Fact]
    public async Task Home_SprintPlayedButNoWorkOrPlaceChosen_AsksToFinishTheProfile()
    {
        var home = await HomeOfAsync(new CandidateSpec(new Dictionary<string, int> { ["teamwork"] = 3 }, HomePlace: null));

        Assert.Contains("data-step=\"FinishProfile\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/profile\"", home, StringComparison.Ordinal);
    }

    // Leeuwarden: a town no other test uses, so this vacancy is on no other test's list.
    [Fact]
    public async Task Home_StrongCandidateNearAPublishedVacancy_SaysAJobFits()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        await MatchingScenario.PublishVacancyAsync(_app, employer.Client, "leeuwarden", [("teamwork", 3, 3), ("planning", 2, 2)]);
        var strong = new[] { "teamwork", "communication", "planning", "reliability", "empathy" }.ToDictionary(skill => skill, _ => 5);

        var home = await HomeOfAsync(new CandidateSpec(strong, "leeuwarden", Sectors: ["logistics"]));

        Assert.Contains("data-step=\"JobFits\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/matches\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_Employer_IsNotTheirs()
    {
        using var browser = PageForms.NewBrowserlikeClient(_app);
        (await PageForms.SignInAsync(browser, "employer@demo.test", PassportApp.DemoPassword)).Dispose();

        using var home = await browser.GetAsync(new Uri("/home", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, home.StatusCode);
        Assert.StartsWith("/account/denied", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>The home page of a new job seeker whose passport and preferences are <paramref name="spec"/>.</summary>
    private async Task<string> HomeOfAsync(CandidateSpec spec)
    {
        // Not findable: these people share the app with the employers' candidate-list tests and must never be on their lists
        // (someone without a home town passes every distance filter). A person's own matches do not need it.
        var (client, _) = await TestCandidates.AddAsync(_app, spec with { Findable = false });
        using (client)
        {
            var email = (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString()!;
            using var browser = PageForms.NewBrowserlikeClient(_app);
            (await PageForms.SignInAsync(browser, email, Hosting.Accounts.Password)).Dispose();
            return await browser.GetStringAsync(new Uri("/home", UriKind.Relative));
        }
    }

    private async Task<string> RegisterAsync()
    {
        var email = Hosting.Accounts.NewEmail();
        using var client = _app.CreateClient();
        using var response = await Hosting.Accounts.RegisterAsync(client, email);
        response.EnsureSuccessStatusCode();
        return email;
    }

    [GeneratedRegex("/sprints/[^\"/]+/play")]
    private static partial Regex PlayLink();
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteLandingTests(SqliteWebAppFixture fixture) : LandingTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresLandingTests(PostgresWebAppFixture fixture) : LandingTests(fixture);
