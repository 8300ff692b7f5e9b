using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Journeys;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The journey and in-view in a real browser at 320 px: the young person adds a turning point by keyboard (a refused
/// one first, with its focused error summary), in four languages; a coach reads and adds to a person's journey from
/// their plan, and works through the in-view list to one entry. Every page passes axe.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class JourneyPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    private string Day(int offset) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TimeProvider>(_app.Services).GetUtcNow().AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task MyJourney_RefusedThenAddedByKeyboard_InFourLanguages_PassesAxe()
    {
        var youth = await SignedInAsNewJobSeekerAsync(_app, browser);
        await OpenMenuAsync(youth);
        await youth.GetByRole(AriaRole.Link, new() { Name = "My journey" }).First.ClickAsync();
        await Assertions.Expect(youth.Locator("h1")).ToHaveTextAsync("My journey", new() { Timeout = 20_000 });
        await Assertions.Expect(youth.Locator("#journey-empty")).ToBeVisibleAsync();
        await AssertAccessibleAtBothWidthsAsync(youth);

        await youth.GetByRole(AriaRole.Button, new() { Name = "Add to the journey" }).PressAsync("Enter");
        var summary = youth.Locator("#journey-errors");
        await Assertions.Expect(summary).ToBeFocusedAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(summary).ToContainTextAsync("Choose what happened.");
        await Assertions.Expect(summary).ToContainTextAsync("Fill in the day it happened.");
        await AssertAccessibleAtBothWidthsAsync(youth);

        await youth.GetByLabel("What happened?").SelectOptionAsync(new SelectOptionValue { Label = "Started an internship" });
        await youth.GetByLabel("When?").FillAsync(Day(-3));
        await youth.GetByLabel("A few words (you may leave this empty)").FillAsync("At the bike shop");
        await youth.GetByRole(AriaRole.Button, new() { Name = "Add to the journey" }).FocusAsync();
        await youth.Keyboard.PressAsync("Enter");
        await Assertions.Expect(youth.Locator("#journey-saved")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(youth.Locator("#journey-list")).ToContainTextAsync("Started an internship");
        await Assertions.Expect(youth.Locator("#journey-list")).ToContainTextAsync("At the bike shop");
        await Assertions.Expect(youth.Locator("#journey-status")).ToHaveTextAsync("At work or on an internship");
        await AssertAccessibleAtBothWidthsAsync(youth);

        foreach (var (language, heading) in new[] { ("nl", "Mijn reis"), ("da", "Min rejse"), ("nb", "Min reise") })
        {
            await youth.GotoAsync($"/language/{language}?returnUrl=%2Fjourney");
            await Assertions.Expect(youth.Locator("h1")).ToHaveTextAsync(heading, new() { Timeout = 20_000 });
            await AssertAccessibleAsync(youth);
            Assert.True(await FitsWithoutSideScrollingAsync(youth), $"{language}: {await WiderThanTheScreenAsync(youth)}");
        }
    }

    [Fact]
    public async Task PersonJourney_CoachFromThePlan_ReadsAndAddsUnderTheirName()
    {
        var (client, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(_app);
        using var youth = client;
        using var coach = await Staff.NewAsync(_app, OrganisationKind.Municipality);
        await JourneyArrange.GrantAsync(youth, coach.OrganisationId, "plan");
        (await youth.PostAsJsonAsync("/api/me/journey/events", new { kind = "leftSchool", occurredOn = "2025-06-30" })).EnsureSuccessStatusCode();

        var page = await SignedInAsync(_app, browser, coach.Email);
        await page.GotoAsync($"/people/{youthId}/plan");
        await page.Locator("#journey-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Their journey", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#journey-list")).ToContainTextAsync("Left school");
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.GetByLabel("What happened?").SelectOptionAsync(new SelectOptionValue { Label = "Started care or support" });
        await page.GetByLabel("When?").FillAsync(Day(-1));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the journey" }).PressAsync("Enter");

        await Assertions.Expect(page.Locator("#journey-saved")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(page.Locator("#journey-list")).ToContainTextAsync($"Added by {coach.DisplayName}");
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Fact]
    public async Task InView_CoachOpensAnEntry_SeesWhyAndWhatToDo_AndTheReadIsLogged()
    {
        var (client, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(_app);
        using var youth = client;
        using var coach = await Staff.NewAsync(_app, OrganisationKind.Municipality);
        await JourneyArrange.GrantAsync(youth, coach.OrganisationId, "plan");
        await JourneyArrange.AgeAsync(_app, youthId, TimeSpan.FromDays(60));
        var name = (await youth.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("displayName").GetString()!;

        var page = await SignedInAsync(_app, browser, coach.Email);
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "In view" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Young people drifting out of view", new() { Timeout = 20_000 });
        await AssertAccessibleAtBothWidthsAsync(page);
        Assert.Empty(await JourneyArrange.AccessLogAsync(youth));
        await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).PressAsync("Enter");

        await Assertions.Expect(page.Locator("#in-view-reasons")).ToContainTextAsync("No contact for a long time.", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#in-view-reasons")).ToContainTextAsync("What to do: Get in touch and book an appointment.");
        await AssertAccessibleAtBothWidthsAsync(page);
        Assert.NotEmpty(await JourneyArrange.AccessLogAsync(youth));
    }

    [Fact]
    public async Task InView_Employer_IsDenied()
    {
        using var employer = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var page = await SignedInAsync(_app, browser, employer.Email);

        await AssertDeniedAsync(page, "/municipality/in-view");
    }
}
