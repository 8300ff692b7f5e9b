using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Passport.Data.Database;
using Passport.Testing;
using Passport.Web.Demo;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Matching;
using Passport.Web.Tests.Sprints;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// Plain words in a real browser: a Dutch job seeker reads the demo jobs and learning paths in Dutch, the admin
/// reads a model's quality as a word with the number behind a toggle, and a question whose time ran out is told
/// calmly, not as an error.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class PlainWordsPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Theory]
    [InlineData(360, 640, true)]
    [InlineData(Wide, 800, false)]
    public async Task JobsAndPaths_DutchJobSeeker_SeesDemoTitlesInDutch(int width, int height, bool touch)
    {
        // Eindhoven, where the demo vacancies and pathways are; not findable, so no employer list meets this person.
        var (seeker, _) = await TestCandidates.AddAsync(_app, new CandidateSpec(
            new Dictionary<string, int> { ["teamwork"] = 3, ["reliability"] = 3, ["planning"] = 2 }, "eindhoven", 36, Findable: false));
        using var _seeker = seeker;
        var email = (await seeker.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("email").GetString()!;
        var page = await browser.NewPageAsync(_app.Address, width, height, touch);
        await SignInAsync(page, email, Hosting.Accounts.Password);
        var demo = _app.Services.GetRequiredService<DemoVacancies>().All.Select(entry => entry.Vacancy).ToList();
        var english = demo.Select(vacancy => vacancy.Title).Except(demo.Select(vacancy => vacancy.TitleIn("nl"))).ToHashSet();

        await page.GotoAsync("/matches?culture=nl");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Assertions.Expect(page.Locator(".match-card").First).ToBeVisibleAsync();
        var titles = await page.Locator(".match-card h2").AllInnerTextsAsync();
        Assert.Contains(titles, title => demo.Any(vacancy => vacancy.TitleIn("nl") == title.Trim() && vacancy.Title != title.Trim()));
        Assert.DoesNotContain(titles, title => english.Contains(title.Trim()));
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/pathways?culture=nl");

        var paths = await page.Locator(".pathway-card h2").AllInnerTextsAsync();
        Assert.Contains("Monteur zonnepanelen", paths.Select(title => title.Trim()));
        Assert.DoesNotContain("Solar panel fitter", paths.Select(title => title.Trim()));
        await AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData(360, 640, true)]
    [InlineData(Wide, 800, false)]
    public async Task NewVacancy_TitleInOtherLanguages_IsOptionalAndKeptAfterAFailedPost(int width, int height, bool touch)
    {
        using var employer = await Staff.NewAsync(_app, Passport.Domain.Organisations.OrganisationKind.Employer);
        var page = await browser.NewPageAsync(_app.Address, width, height, touch);
        await SignInAsync(page, employer.Email, Hosting.Accounts.Password);

        await page.GotoAsync("/employer/vacancies/new");

        var translations = page.Locator("details.translations");
        await Assertions.Expect(translations.Locator("summary")).ToHaveTextAsync("Job title in other languages (optional)");
        await Assertions.Expect(page.Locator("#title-nl")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#title-en")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
        await page.Locator("#title").FillAsync("Forklift driver");
        await translations.Locator("summary").ClickAsync();
        await page.GetByLabel("Job title – Nederlands").FillAsync("Heftruckchauffeur");
        await page.GetByLabel("Job title – Dansk").FillAsync(new string('x', 121));
        await page.Locator("button[type=submit]", new() { HasText = "Save as draft" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "This text can have at most 120 characters." })).ToHaveAttributeAsync("href", "/employer/vacancies/new#title-da");
        await Assertions.Expect(page.Locator("#title-nl")).ToHaveValueAsync("Heftruckchauffeur");
        await Assertions.Expect(page.Locator("#title-da")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task RankerOversight_Admin_ReadsQualityInWordsAndOpensTheNumber()
    {
        var page = await browser.NewPageAsync(_app.Address, Wide, 800);
        await SignInAsync(page, "admin@demo.test", PassportApp.DemoPassword);

        await page.GotoAsync("/admin/matching");

        var active = page.Locator("table.models-table tbody tr", new() { HasText = "In use now" });
        var quality = active.Locator("td.quality").First;
        await Assertions.Expect(quality.Locator(".quality-word")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(very good|good|fair|weak)$"));
        var number = quality.Locator("details.score p");
        await Assertions.Expect(number).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("NDCG", new() { UseInnerText = true });
        await quality.Locator("summary").ClickAsync();
        await Assertions.Expect(number).ToContainTextAsync("NDCG@10: 0");
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task Player_TimeRunsOut_SaysSoCalmlyAsInformationNotAnError()
    {
        var content = Directory.CreateTempSubdirectory("passport-content-").FullName;
        TimedItemTests.CopyDirectory(Path.Combine(AppContext.BaseDirectory, "content"), content);
        await File.WriteAllTextAsync(Path.Combine(content, "sprints", "quick-test.json"), TimedItemTests.QuickSprint());
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new PassportApp(database, new Dictionary<string, string?>
        {
            ["Content:Path"] = content,
            ["Sprints:TimeLimitGrace"] = "00:00:00",
        });
        app.StartServer();
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(app);
        client.Dispose();
        var page = await browser.NewPageAsync(app.Address, 360, 640, touch: true);
        await SignInAsync(page, email, Hosting.Accounts.Password);

        await page.GotoAsync("/sprints/quick-test/play");
        await Assertions.Expect(Question(page)).ToBeVisibleAsync(Patiently);

        // Nobody answers: the server's clock runs out after 3 seconds and the next question comes with a calm note.
        var info = page.Locator(".player-info");
        await Assertions.Expect(info).ToHaveTextAsync("The time for that question is over. That is fine: here is the next one.", new() { Timeout = 20_000 });
        await Assertions.Expect(info).ToHaveAttributeAsync("role", "status");
        await Assertions.Expect(page.Locator(".player-alert")).ToBeEmptyAsync();
        // Not the error red (--error, #b3261e) in its text or its border.
        var colours = await info.EvaluateAsync<string>("element => { const style = getComputedStyle(element); return style.color + ' ' + style.borderLeftColor; }");
        Assert.DoesNotContain("rgb(179, 38, 30)", colours, StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        Directory.Delete(content, recursive: true);
    }
}
