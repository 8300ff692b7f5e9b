using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// Forms that help, on a phone (360 px, touch) and a desktop: a vacancy is written with the place picker alone (no
/// coordinates anywhere), published and then changed, the change shows on the vacancy page; a refused post puts focus
/// on the error summary, whose links reach their fields.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class VacancyEditPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Theory]
    [InlineData(360, 740, true)]
    [InlineData(1280, 800, false)]
    public async Task Vacancy_WithThePlacePickerAlone_IsCreatedPublishedAndThenChanged(int width, int height, bool touch)
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var page = await browser.NewPageAsync(_app.Address, width, height, touch);
        await SignInAsync(page, employer.Email, Hosting.Accounts.Password);
        await page.GotoAsync("/employer/vacancies/new");

        await Assertions.Expect(page.Locator("main input")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#latitude, #longitude, [name$='Latitude'], [name$='Longitude']")).ToHaveCountAsync(0);
        await page.Locator("#title").FillAsync("Warehouse helper");
        await page.Locator("#sector").SelectOptionAsync("logistics");
        // Part of a name: the form comes back asking which place is meant.
        await page.Locator("#place").FillAsync("hoven");
        await page.Locator("#hoursPerWeek").FillAsync("32");
        await page.Locator("#skill-reliability-importance").SelectOptionAsync("3");
        await page.Locator("#skill-reliability-level").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();

        await AssertSummaryFocusedWithLinksToFieldsAsync(page, ["place"]);
        await Assertions.Expect(page.Locator("#place-error")).ToHaveTextAsync(
            "We do not know a place called “hoven”. Choose the place you mean below, or type another name.");
        await Assertions.Expect(page.Locator("#placeId option")).ToHaveTextAsync(["Choose a place", "Eindhoven (NL)", "Veldhoven (NL)"]);
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync("Warehouse helper");
        await AssertAccessibleAsync(page);
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the refused form fits the screen width");
        await page.Locator("#placeId").SelectOptionAsync("veldhoven");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();

        await page.WaitForURLAsync(new Regex(@"/employer/vacancies/[0-9a-f-]{36}\?done=created$"));
        var id = IdInUrl(page);
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Veldhoven");
        await Assertions.Expect(page.Locator("#vacancy-changes")).ToHaveCountAsync(0);
        var created = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/employer/vacancies/{id}");
        Assert.Equal(("Veldhoven", 51.42, 5.405), Location(created));
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.WaitForURLAsync($"**/employer/vacancies/{id}?done=published");
        await Assertions.Expect(page.Locator("#vacancy-changes")).ToContainTextAsync("Nothing has changed since it was published.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change the vacancy" }).ClickAsync();
        await page.WaitForURLAsync($"**/employer/vacancies/{id}/edit");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Change: Warehouse helper");
        await Assertions.Expect(page.Locator("#place")).ToHaveValueAsync("Veldhoven");
        await Assertions.Expect(page.Locator("#hoursPerWeek")).ToHaveValueAsync("32");
        await Assertions.Expect(page.Locator("#skill-reliability-importance")).ToHaveValueAsync("3");
        await Assertions.Expect(page.Locator("#sector")).ToHaveValueAsync("logistics");
        await AssertAccessibleAsync(page);
        await page.Locator("#place").FillAsync("best");
        await page.Locator("#hoursPerWeek").FillAsync("24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await page.WaitForURLAsync($"**/employer/vacancies/{id}?done=saved");
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Your changes are saved.");
        await Assertions.Expect(page.Locator("#vacancy-status")).ToHaveTextAsync("Status: Published");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("Best");
        var change = page.Locator("#vacancy-changes li");
        await Assertions.Expect(change).ToHaveCountAsync(1);
        await Assertions.Expect(change).ToContainTextAsync($"{employer.DisplayName} changed Place, Hours per week.");
        await AssertAccessibleAsync(page);
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the vacancy page fits the screen width");
        var changed = await employer.Client.GetFromJsonAsync<JsonElement>($"/api/employer/vacancies/{id}");
        Assert.Equal(("Best", 51.5075, 5.39), Location(changed));
        Assert.Equal(24, changed.GetProperty("hoursPerWeek").GetInt32());
    }

    [Theory]
    [InlineData("en", "Place", "Which place do you mean?", "Choose a place")]
    [InlineData("nl", "Plaats", "Welke plaats bedoel je?", "Kies een plaats")]
    [InlineData("da", "Sted", "Hvilket sted mener du?", "Vælg et sted")]
    [InlineData("nb", "Sted", "Hvilket sted mener du?", "Velg et sted")]
    public async Task PlacePicker_InEachLanguageAt320_IsLabelledAndOffersThePlacesMeantByKeyboard(string language, string label, string choose, string none)
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var page = await SignedInAsync(_app, browser, employer.Email);
        await page.GotoAsync($"/language/{language}?returnUrl=%2Femployer%2Fvacancies%2Fnew");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(page.Locator("label[for=place]")).ToHaveTextAsync(label);
        await Assertions.Expect(page.Locator("#place")).ToHaveAttributeAsync("list", "place-options");
        Assert.True(await page.Locator("#place-options option").CountAsync() > 10, "the catalogue's places are suggested");

        await page.Locator("#place").FocusAsync();
        await page.Keyboard.TypeAsync("hoven");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("label[for=placeId]")).ToHaveTextAsync(choose);
        await Assertions.Expect(page.Locator("#placeId option").First).ToHaveTextAsync(none);
        await Assertions.Expect(page.Locator("#place-error")).ToContainTextAsync("hoven");
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the place picker fits 320 px");
        await AssertAccessibleAsync(page);
        await page.Locator("#placeId").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#placeId")).ToHaveValueAsync("eindhoven");
    }

    [Fact]
    public async Task EditVacancy_ClosedOrAnotherEmployers_ShowsTheNotFoundViewWithoutAForm()
    {
        using var owner = await Staff.NewAsync(_app, OrganisationKind.Employer);
        using var other = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var open = await Matching.MatchingScenario.DraftVacancyAsync(_app, owner.Client, "best", [("reliability", 3, 2)]);
        var closed = await Matching.MatchingScenario.DraftVacancyAsync(_app, owner.Client, "best", [("reliability", 3, 2)]);
        using (var closing = await owner.Client.PostAsync($"/api/employer/vacancies/{closed}/close", null))
        {
            closing.EnsureSuccessStatusCode();
        }

        var page = await SignedInAsync(_app, browser, other.Email);
        await page.GotoAsync($"/employer/vacancies/{open}/edit");
        await Assertions.Expect(page.Locator("#not-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("form#title, #title")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);

        var ownPage = await SignedInAsync(_app, browser, owner.Email);
        await ownPage.GotoAsync($"/employer/vacancies/{closed}");
        await Assertions.Expect(ownPage.GetByRole(AriaRole.Link, new() { Name = "Change the vacancy" })).ToHaveCountAsync(0);
        await ownPage.GotoAsync($"/employer/vacancies/{closed}/edit");
        await Assertions.Expect(ownPage.Locator("#not-found")).ToBeVisibleAsync();
        await Assertions.Expect(ownPage.Locator("#title")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(360, 740, true)]
    [InlineData(1280, 800, false)]
    public async Task SignUp_Refused_FocusesTheErrorSummaryWhoseLinksReachTheFields(int width, int height, bool touch)
    {
        var page = await browser.NewPageAsync(_app.Address, width, height, touch);
        await page.GotoAsync("/account/signup");
        await page.Locator("#birthYear").FillAsync("soon");

        await page.Locator("main button[type=submit]").ClickAsync();

        await AssertSummaryFocusedWithLinksToFieldsAsync(page, ["displayName", "email", "password", "birthYear"]);
        await AssertAccessibleAsync(page);
    }

    private static (string?, double, double) Location(JsonElement vacancy)
    {
        var location = vacancy.GetProperty("location");
        return (location.GetProperty("place").GetString(), location.GetProperty("latitude").GetDouble(), location.GetProperty("longitude").GetDouble());
    }

    /// <summary>
    /// The error summary has focus and is on screen; it links to each of <paramref name="fields"/> (and only to
    /// inputs that exist), and following the last link puts focus on that input.
    /// </summary>
    private static async Task AssertSummaryFocusedWithLinksToFieldsAsync(IPage page, IReadOnlyList<string> fields)
    {
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToBeInViewportAsync();
        // Each link is this page with the input's id as its fragment.
        var links = await summary.Locator("a").EvaluateAllAsync<string[]>("links => links.map(link => link.href)");
        var here = new Uri(page.Url).GetLeftPart(UriPartial.Query);
        Assert.All(links, link => Assert.StartsWith($"{here}#", link, StringComparison.Ordinal));
        var targets = links.Select(link => new Uri(link).Fragment.TrimStart('#')).ToList();
        Assert.All(fields, field => Assert.Contains(field, targets));
        foreach (var target in targets)
        {
            Assert.Equal(1, await page.Locator($"[id='{target}']").CountAsync());
        }

        var last = fields[^1];
        await summary.Locator($"a[href$='#{last}']").First.ClickAsync();
        await Assertions.Expect(page.Locator($"#{last}")).ToBeFocusedAsync();
        Assert.Equal(here, new Uri(page.Url).GetLeftPart(UriPartial.Query));
    }
}
