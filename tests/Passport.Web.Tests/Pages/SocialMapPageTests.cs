using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The social map in a real browser at 320 px: a coach curates the municipality's map and refers a young person to a
/// place on it; the young person chooses what to share on agreeing, says it went, and finds places near home. Every
/// page passes axe.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class SocialMapPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task MapEditor_CoachAddsAndEditsByKeyboard_ListShowsReachAndPassesAxe()
    {
        using var coach = await Staff.NewAsync(_app, OrganisationKind.Municipality);
        var page = await SignedInAsync(_app, browser, coach.Email);
        await page.GotoAsync("/municipality/social-map");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your social map");
        await Assertions.Expect(page.Locator("#map-none")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add place" }).PressAsync("Enter");
        await Assertions.Expect(page.Locator("#name-error")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(page.Locator("#offers")).ToContainTextAsync("Choose at least one thing they offer.");
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Boxing Club Woensel");
        await page.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync("sportsClub");
        await page.GetByLabel("Place", new() { Exact = true }).SelectOptionAsync("eindhoven");
        await page.GetByLabel("Sport", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Someone to talk to").CheckAsync();
        await page.GetByLabel("Languages spoken").FillAsync("nl, ar");
        await page.GetByLabel("They agreed to be listed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add place" }).PressAsync("Enter");
        await Assertions.Expect(page.Locator("#map-saved")).ToBeVisibleAsync(Patiently);
        var row = page.Locator("#map-entries tbody tr", new() { HasText = "Boxing Club Woensel" });
        await Assertions.Expect(row).ToContainTextAsync("fewer than 5");
        await AssertAccessibleAtBothWidthsAsync(page);

        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Change a place");
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Boxing Club Woensel-Noord");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).PressAsync("Enter");
        await Assertions.Expect(page.Locator("#map-saved")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(page.Locator("#map-entries")).ToContainTextAsync("Boxing Club Woensel-Noord");
    }

    [Fact]
    public async Task Referral_YouthChoosesWhatToShareAndSaysItWent_PagesPassAxe()
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var youthClient = client;
        var youthId = (await youthClient.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        using var coach = await Staff.NewAsync(_app, OrganisationKind.Municipality);
        var organisationId = await AddAsync(coach, "Barbershop Fresh Cuts");
        using (var granted = await youthClient.PostAsJsonAsync(
            "/api/me/consents", new { audience = new { organisationId = coach.OrganisationId }, categories = new[] { "plan" }, purpose = "Work on my plan" }))
        {
            Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        }

        var coachPage = await SignedInAsync(_app, browser, coach.Email);
        await coachPage.GotoAsync($"/people/{youthId}/plan");
        await Assertions.Expect(coachPage.Locator("h1")).ToHaveTextAsync("Their plan", new() { Timeout = 20_000 });
        await coachPage.GetByLabel("Step", new() { Exact = true }).FillAsync("Talk to Samir at the barbershop");
        await coachPage.GetByLabel("Send them to a place on the social map").SelectOptionAsync(organisationId);
        await coachPage.GetByLabel("Your phone number").CheckAsync();
        await coachPage.GetByRole(AriaRole.Button, new() { Name = "Propose step" }).PressAsync("Enter");
        await Assertions.Expect(coachPage.Locator("#plan-saved")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(coachPage.Locator(".plan-step .referral-organisation")).ToHaveTextAsync("Barbershop Fresh Cuts");
        await AssertAccessibleAtBothWidthsAsync(coachPage);

        var youth = await SignedInAsync(_app, browser, email);
        await youth.GotoAsync("/plan");
        var step = youth.Locator(".plan-step", new() { HasText = "Talk to Samir" });
        await Assertions.Expect(step.Locator(".share-choice")).ToContainTextAsync("Your coach suggests: Your phone number.");
        await Assertions.Expect(step.Locator(".referral-shared")).ToHaveTextAsync("Nothing yet: first say yes or no");
        await AssertAccessibleAtBothWidthsAsync(youth);
        await step.GetByLabel("Your name").CheckAsync();
        await step.GetByRole(AriaRole.Button, new() { Name = "Yes, I agree" }).FocusAsync();
        await youth.Keyboard.PressAsync("Enter");
        var agreed = youth.Locator(".plan-step[data-status='Agreed']", new() { HasText = "Talk to Samir" });
        await Assertions.Expect(agreed.Locator(".referral-shared")).ToHaveTextAsync("Your name", new() { Timeout = 20_000 });

        await agreed.GetByRole(AriaRole.Button, new() { Name = "I went" }).PressAsync("Enter");
        await Assertions.Expect(youth.Locator(".plan-step", new() { HasText = "Talk to Samir" }).Locator(".referral-outcome"))
            .ToHaveTextAsync("went there", new() { Timeout = 20_000 });
        await Assertions.Expect(youth.Locator(".plan-history")).ToContainTextAsync("said the young person went: Talk to Samir");
        await AssertAccessibleAtBothWidthsAsync(youth);
    }

    [Fact]
    public async Task YouthMap_FilterByKeyboard_ListsNearestFirstAndPassesAxe()
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var youthClient = client;
        (await youthClient.PutAsJsonAsync("/api/me/preferences", new { sectors = new[] { "logistics" }, hoursPerWeek = 24, homePlace = "kristiansand", openToMatching = false }))
            .EnsureSuccessStatusCode();
        using var coach = await Staff.NewAsync(_app, OrganisationKind.Municipality);
        await AddAsync(coach, "Homework Café Kristiansand", "kristiansand");

        var page = await SignedInAsync(_app, browser, email);
        await page.GotoAsync("/plan");
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Places near you" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Places near you");
        var first = page.Locator("#map-list > li").First;
        await Assertions.Expect(first.Locator("h3")).ToHaveTextAsync("Homework Café Kristiansand");
        await Assertions.Expect(first.Locator(".map-distance")).ToHaveTextAsync("(0 km away)");
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.GetByLabel("What they offer").SelectOptionAsync("faith");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show places" }).PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("offer=faith"));
        await Assertions.Expect(page.Locator("#map-list li", new() { HasText = "Homework Café Kristiansand" })).ToHaveCountAsync(0);
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.GotoAsync("/social-map?offer=skateboarding");
        await Assertions.Expect(page.Locator("#offer-error")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    private static async Task<string> AddAsync(Staff.Member coach, string name, string placeId = "eindhoven")
    {
        using var response = await coach.Client.PostAsJsonAsync("/api/municipality/social-map", new
        {
            name, kind = "barberOrShop", placeId, offers = new[] { "someoneToTalkTo", "homeworkHelp" }, languages = new[] { "nl", "ar", "no" },
            openingTimes = "Tue–Sat 10:00–18:00", phone = "+31 40 765 4321", website = "https://example.org", listed = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
