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
/// Education partners' pathway pages in a real browser: write a pathway (a broken rule shows next to its field),
/// open it, mark it full and edit it; another provider's pathway shows the not-found view; others are denied.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class PathwayPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task NewPathway_PartnerWritesOneByKeyboard_SavesADraftAndOpensIt()
    {
        using var school = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        var page = await SignedInAsync(_app, browser, school.Email);
        await OpenEmptyListThenNewFormAsync(page, "Pathways", "Your organisation has no pathways yet.", "Write a new pathway");

        await page.Locator("#title").FocusAsync();
        await page.Keyboard.TypeAsync("Warehouse basics");
        await page.Keyboard.PressAsync("Tab");
        // The title in other languages is optional and closed: one stop on its summary, then on to the modules.
        await Assertions.Expect(page.Locator("details.translations summary")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#module-0-title")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Safety first");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("2");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#module-1-title")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Forklift practice");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("3");
        await page.Locator("#place").FocusAsync();
        await page.Keyboard.TypeAsync("Eindhoven");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#capacity")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("12");
        // No skill to grow yet: the pathway is refused with the rule next to the skills.
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Add from 1 to 10 skills that students grow in.");
        await Assertions.Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#skills-error")).ToHaveTextAsync("Add from 1 to 10 skills that students grow in.");
        await Assertions.Expect(page.Locator("#module-1-title")).ToHaveValueAsync("Forklift practice");
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.Locator("#skill-planning-entry").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#skill-planning-gain")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#skill-planning-gain")).ToHaveValueAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex(@"/education/pathways/[0-9a-f-]{36}\?done=created$"));
        var id = IdInUrl(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Warehouse basics");
        await Assertions.Expect(page.Locator("#pathway-status")).ToHaveTextAsync("Status: Draft");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Duration: 5 weeks");
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Open for students" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync($"**/education/pathways/{id}?done=opened");
        await Assertions.Expect(page.Locator("#pathway-status")).ToHaveTextAsync("Status: Open");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark as full" })).ToBeVisibleAsync();
        await AssertAccessibleAtBothWidthsAsync(page);
        var stored = await school.Client.GetFromJsonAsync<JsonElement>($"/api/education/pathways/{id}");
        Assert.Equal("open", stored.GetProperty("status").GetString());
        Assert.Equal(5, stored.GetProperty("durationWeeks").GetInt32());
        // The coordinates come from the place catalogue's Eindhoven.
        Assert.Equal(51.4416, stored.GetProperty("location").GetProperty("latitude").GetDouble());
        Assert.Equal(12, stored.GetProperty("capacity").GetInt32());
        var requirement = Assert.Single(stored.GetProperty("entryRequirements").EnumerateArray());
        Assert.Equal(("planning", 2), (requirement.GetProperty("skillId").GetString(), requirement.GetProperty("minimumLevel").GetInt32()));
        var gain = Assert.Single(stored.GetProperty("gains").EnumerateArray());
        Assert.Equal(("planning", 1.0), (gain.GetProperty("skillId").GetString(), gain.GetProperty("expectedGain").GetDouble()));
        using var anonymous = _app.CreateClient();
        var listed = await anonymous.GetFromJsonAsync<JsonElement>("/api/pathways");
        Assert.Contains(listed.EnumerateArray(), pathway => pathway.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task EditPathway_PartnerChangesCapacityAndMarksItFull_TheApiShowsBoth()
    {
        using var school = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        var id = await CreateAsync(school.Client, "Care assistant course");
        (await school.Client.PostAsync($"/api/education/pathways/{id}/open", null)).Dispose();
        var page = await SignedInAsync(_app, browser, school.Email);
        await page.GotoAsync("/education/pathways");
        await page.GetByRole(AriaRole.Link, new() { Name = "Care assistant course" }).ClickAsync();
        await Assertions.Expect(page.Locator("#capacity")).ToHaveValueAsync("20");
        await Assertions.Expect(page.Locator("#skill-empathy-gain")).ToHaveValueAsync("1.5");

        await page.Locator("#capacity").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#capacity-error")).ToHaveTextAsync("Enter a number of places from 1 to 500.");
        await page.Locator("#capacity").FillAsync("25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await page.WaitForURLAsync($"**/education/pathways/{id}?done=saved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as full" }).ClickAsync();

        await page.WaitForURLAsync($"**/education/pathways/{id}?done=full");
        await Assertions.Expect(page.Locator("#pathway-status")).ToHaveTextAsync("Status: Full");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Open again" })).ToBeVisibleAsync();
        var stored = await school.Client.GetFromJsonAsync<JsonElement>($"/api/education/pathways/{id}");
        Assert.Equal("full", stored.GetProperty("status").GetString());
        Assert.Equal(25, stored.GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task PathwayPage_AnotherProvidersPathway_ShowsTheNotFoundViewWithoutItsForm()
    {
        using var owner = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        using var other = await Staff.NewAsync(_app, OrganisationKind.EducationProvider, "education");
        var id = await CreateAsync(owner.Client, "Private draft course");
        var page = await SignedInAsync(_app, browser, other.Email);

        await page.GotoAsync($"/education/pathways/{id}");

        await Assertions.Expect(page.Locator("#not-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Private draft course");
        await Assertions.Expect(page.Locator("#title")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Open for students" })).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Theory]
    [InlineData("/education/pathways")]
    [InlineData("/education/pathways/new")]
    [InlineData("/education/pathways/0193a000-0000-7000-8000-000000000301")]
    public async Task PathwayPages_JobSeeker_SeesTheDeniedPage(string path)
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pathways", Exact = true })).ToHaveCountAsync(0);

        await AssertDeniedAsync(page, path);
    }

    [Fact]
    public async Task PathwayPages_Employer_SeesTheDeniedPage()
    {
        var page = await SignedInAsync(_app, browser, "employer@demo.test", PassportApp.DemoPassword);

        await AssertDeniedAsync(page, "/education/pathways/new");
    }

    private static async Task<Guid> CreateAsync(HttpClient client, string title)
    {
        using var response = await client.PostAsJsonAsync("/api/education/pathways", new
        {
            title,
            modules = new[] { new { title = "Care at home", weeks = 6 } },
            location = new { latitude = 51.44, longitude = 5.47, place = "Eindhoven" },
            capacity = 20,
            entryRequirements = Array.Empty<object>(),
            gains = new[] { new { skillId = "empathy", expectedGain = 1.5 } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
