using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// Employers' vacancy pages in a real browser: write a vacancy by keyboard, see a broken rule next to its field in
/// the form, publish it; another organisation's vacancy shows the not-found view; other roles get the denied page.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class VacancyPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task NewVacancy_EmployerTypesByKeyboardWithBadHours_SeesTheErrorThenSavesAndPublishes()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var page = await SignedInAsync(_app, browser, employer.Email);
        await OpenEmptyListThenNewFormAsync(page, "Vacancies", "Your organisation has no vacancies yet.", "Write a new vacancy");

        await TypeIntoAsync(page, "#title", "Warehouse team lead");
        // Type-to-select, as on a closed drop-down list.
        await page.Locator("#sector").FocusAsync();
        await page.Keyboard.TypeAsync("Logistics");
        await Assertions.Expect(page.Locator("#sector")).ToHaveValueAsync("logistics");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#place")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Tilburg");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#hoursPerWeek")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("60");
        await ChooseByArrowsAsync(page, "#skill-teamwork-importance", 4);
        await Assertions.Expect(page.Locator("#skill-teamwork-importance")).ToHaveValueAsync("3");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#skill-teamwork-level")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#skill-teamwork-level")).ToHaveValueAsync("3");
        await ChooseByArrowsAsync(page, "#skill-planning-importance", 2);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await TypeIntoAsync(page, "#mustHaves", "Forklift licence http://data.europa.eu/esco/skill/0f2e1c3a-0000-4000-8000-000000000001");
        await page.Locator("button[type=submit]", new() { HasText = "Save as draft" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the hours per week: a whole number from 1 to 48.");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#hoursPerWeek-error")).ToHaveTextAsync("Enter the hours per week: a whole number from 1 to 48.");
        await Assertions.Expect(page.Locator("#hoursPerWeek")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync("Warehouse team lead");
        await Assertions.Expect(page.Locator("#skill-teamwork-importance")).ToHaveValueAsync("3");
        await AssertAccessibleAtBothWidthsAsync(page);
        using (var list = await employer.Client.GetAsync("/api/employer/vacancies"))
        {
            Assert.Empty((await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        }

        await page.Locator("#hoursPerWeek").FocusAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await page.Keyboard.TypeAsync("32");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex(@"/employer/vacancies/[0-9a-f-]{36}\?done=created$"));
        var id = IdInUrl(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Warehouse team lead");
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Saved as a draft.");
        await Assertions.Expect(page.Locator("#vacancy-status")).ToHaveTextAsync("Status: Draft");
        await Assertions.Expect(page.Locator("#candidates-link")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#vacancy-skills")).ToContainTextAsync("Teamwork");
        await Assertions.Expect(page.Locator("#vacancy-skills")).ToContainTextAsync("3 – essential");
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync($"**/employer/vacancies/{id}?done=published");
        await Assertions.Expect(page.Locator("#vacancy-status")).ToHaveTextAsync("Status: Published");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Candidates" })).ToHaveAttributeAsync("href", $"/employer/vacancies/{id}/matches");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish" })).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(page);
        var stored = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/employer/vacancies/{id}");
        Assert.Equal("published", stored.GetProperty("status").GetString());
        Assert.Equal("logistics", stored.GetProperty("sector").GetString());
        Assert.Equal(32, stored.GetProperty("hoursPerWeek").GetInt32());
        Assert.Equal("Tilburg", stored.GetProperty("location").GetProperty("place").GetString());
        // The coordinates come from the place catalogue's Tilburg.
        Assert.Equal((51.5555, 5.0913), (stored.GetProperty("location").GetProperty("latitude").GetDouble(), stored.GetProperty("location").GetProperty("longitude").GetDouble()));
        Assert.Equal<(string?, int, int)>(
            [("teamwork", 3, 3), ("planning", 1, 2)],
            stored.GetProperty("skills").EnumerateArray().Select(skill =>
                (skill.GetProperty("skillId").GetString(), skill.GetProperty("importance").GetInt32(), skill.GetProperty("minimumLevel").GetInt32())));
        var mustHave = Assert.Single(stored.GetProperty("mustHaves").EnumerateArray());
        Assert.Equal("Forklift licence", mustHave.GetProperty("label").GetString());
        Assert.StartsWith("http://data.europa.eu/esco/skill/", mustHave.GetProperty("escoUri").GetString());

        await page.GotoAsync("/employer/vacancies");
        await Assertions.Expect(page.Locator($".vacancy-card[data-vacancy='{id}']")).ToContainTextAsync("Published");
    }

    [Fact]
    public async Task NewVacancy_NothingChosen_ListsEveryProblemInDutchAndStoresNothing()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var page = await SignedInAsync(_app, browser, employer.Email);
        await page.GotoAsync("/language/nl?returnUrl=%2Femployer%2Fvacancies%2Fnew");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await page.Locator("#place").FillAsync("hoven");
        await page.Locator("#mustHaves").FillAsync("Rijbewijs B\nhttps://example.org/not-esco");

        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaren als concept" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary h2")).ToHaveTextAsync("Kijk dit nog even na");
        await Assertions.Expect(page.Locator("#title-error")).ToHaveTextAsync("Schrijf de naam van de baan.");
        await Assertions.Expect(page.Locator("#skills-error")).ToHaveTextAsync("Voeg minstens één vaardigheid toe die de baan vraagt.");
        await Assertions.Expect(page.Locator("#place-error")).ToContainTextAsync("“hoven”");
        await Assertions.Expect(page.Locator("#placeId option")).ToHaveTextAsync(["Kies een plaats", "Eindhoven (NL)", "Veldhoven (NL)"]);
        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#sector-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#hoursPerWeek-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#mustHaves-error")).ToContainTextAsync("Regel 2:");
        await Assertions.Expect(page.Locator("#mustHaves-error")).Not.ToContainTextAsync("Regel 1:");
        await AssertAccessibleAtBothWidthsAsync(page);
        using var list = await employer.Client.GetAsync("/api/employer/vacancies");
        Assert.Empty((await list.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
    }

    [Fact]
    public async Task VacancyDetail_AnotherEmployersVacancy_ShowsTheNotFoundViewAndNoButtons()
    {
        using var owner = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var other = await Staff.NewAsync(_app, OrganisationKind.Employer);
        Guid id;
        using (var created = await owner.Client.PostAsJsonAsync("/api/employer/vacancies", new
        {
            title = "Night shift driver",
            sector = "logistics",
            location = new { latitude = 51.44, longitude = 5.47, place = "Eindhoven" },
            hoursPerWeek = 24,
            skills = new[] { new { skillId = "reliability", importance = 3, minimumLevel = 2 } },
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        var page = await SignedInAsync(_app, browser, other.Email);

        await page.GotoAsync($"/employer/vacancies/{id}");

        await Assertions.Expect(page.Locator("#not-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Night shift driver");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish" })).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.GotoAsync("/employer/vacancies");
        await Assertions.Expect(page.Locator($".vacancy-card[data-vacancy='{id}']")).ToHaveCountAsync(0);
        var unchanged = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/employer/vacancies/{id}");
        Assert.Equal("draft", unchanged.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Navigation_Employer_SeesVacanciesButNoEducationLinks()
    {
        var page = await SignedInAsync(_app, browser, "employer@demo.test", PassportApp.DemoPassword);

        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Vacancies", Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pathways", Exact = true })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true })).ToHaveCountAsync(0);
        await AssertDeniedAsync(page, "/education/insights");
    }

    [Theory]
    [InlineData("/employer/vacancies")]
    [InlineData("/employer/vacancies/new")]
    [InlineData("/employer/vacancies/0193a000-0000-7000-8000-000000000999")]
    public async Task VacancyPages_JobSeeker_SeesTheDeniedPage(string path)
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Vacancies", Exact = true })).ToHaveCountAsync(0);

        await AssertDeniedAsync(page, path);
    }

    /// <summary>Focuses a field and types into it, as a keyboard user would.</summary>
    private static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        await page.Locator(selector).FocusAsync();
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Focuses a closed drop-down list and moves its choice down <paramref name="steps"/> times with the arrow key.</summary>
    private static async Task ChooseByArrowsAsync(IPage page, string selector, int steps)
    {
        await page.Locator(selector).FocusAsync();
        for (var step = 0; step < steps; step++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
    }
}
