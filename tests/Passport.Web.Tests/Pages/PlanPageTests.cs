using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The plan in a real browser at 320 px: a coach opens a young person's plan, proposes a step and becomes their contact
/// person; the young person writes their goal, agrees to the step by keyboard, prints the plan and sees the coach
/// under My people. Every page passes axe.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class PlanPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Plan_CoachProposesYouthAgreesByKeyboard_BothPagesAndMyPeoplePassAxe()
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using var youthClient = client;
        var youthId = (await youthClient.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        using var coach = await Staff.NewAsync(_app, OrganisationKind.Municipality);
        using (var granted = await youthClient.PostAsJsonAsync(
            "/api/me/consents", new { audience = new { organisationId = coach.OrganisationId }, categories = new[] { "plan" }, purpose = "Work on my plan" }))
        {
            Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        }

        // The coach: from the caseload to the person's plan, then a proposal and becoming their contact person.
        var coachPage = await SignedInAsync(_app, browser, coach.Email);
        await coachPage.GotoAsync("/people");
        await coachPage.Locator($"[data-person='{youthId}'] .plan-link a").ClickAsync();
        await Assertions.Expect(coachPage.Locator("h1")).ToHaveTextAsync("Their plan", new() { Timeout = 20_000 });
        await AssertAccessibleAtBothWidthsAsync(coachPage);
        await coachPage.GetByLabel("Step", new() { Exact = true }).FillAsync("Write your CV");
        await coachPage.GetByLabel("What it means (not required)").FillAsync("One page about you and your work.");
        await coachPage.GetByRole(AriaRole.Button, new() { Name = "Propose step" }).PressAsync("Enter");
        await Assertions.Expect(coachPage.Locator("#plan-saved")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(coachPage.Locator(".plan-step[data-status='Proposed']")).ToContainTextAsync("Write your CV");
        await coachPage.Locator("#contact-button").PressAsync("Enter");
        await Assertions.Expect(coachPage.Locator("#contact-button")).ToHaveTextAsync("Stop being their contact person", new() { Timeout = 20_000 });
        await AssertAccessibleAtBothWidthsAsync(coachPage);

        // The young person: goal, agreeing by keyboard, history, print page, My people.
        var youth = await SignedInAsync(_app, browser, email);
        await youth.GotoAsync("/plan");
        await Assertions.Expect(youth.Locator("h1")).ToHaveTextAsync("My plan");
        await AssertAccessibleAtBothWidthsAsync(youth);
        await youth.GetByLabel("Your goal, in your own words").FillAsync("A job in a bike shop");
        await youth.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).PressAsync("Enter");
        await Assertions.Expect(youth.Locator("#plan-goal")).ToHaveTextAsync("A job in a bike shop", new() { Timeout = 20_000 });
        var proposed = youth.Locator(".plan-step", new() { HasText = "Write your CV" });
        await Assertions.Expect(proposed).ToHaveAttributeAsync("data-status", "Proposed");
        await proposed.GetByRole(AriaRole.Button, new() { Name = "Yes, I agree" }).FocusAsync();
        await youth.Keyboard.PressAsync("Enter");
        await Assertions.Expect(youth.Locator(".plan-step", new() { HasText = "Write your CV" })).ToHaveAttributeAsync("data-status", "Agreed", new() { Timeout = 20_000 });
        await Assertions.Expect(youth.Locator(".plan-history")).ToContainTextAsync($"{coach.DisplayName} (");
        await Assertions.Expect(youth.Locator(".plan-history")).ToContainTextAsync("agreed to the step: Write your CV");
        await AssertAccessibleAtBothWidthsAsync(youth);

        await youth.GotoAsync("/plan/print");
        await Assertions.Expect(youth.Locator("#plan-goal")).ToHaveTextAsync("A job in a bike shop");
        await Assertions.Expect(youth.GetByRole(AriaRole.Button, new() { Name = "Print" })).ToBeVisibleAsync();
        await AssertAccessibleAtBothWidthsAsync(youth);

        await youth.GotoAsync("/plan");
        await OpenMenuAsync(youth);
        await youth.GetByRole(AriaRole.Link, new() { Name = "My people" }).First.ClickAsync();
        await Assertions.Expect(youth.Locator("h1")).ToHaveTextAsync("My people");
        var person = youth.Locator(".contact-person");
        await Assertions.Expect(person.Locator("h2")).ToHaveTextAsync(coach.DisplayName);
        await Assertions.Expect(person).ToContainTextAsync(coach.Email);
        await Assertions.Expect(person).ToContainTextAsync("Plan");
        await AssertAccessibleAtBothWidthsAsync(youth);

        // And the coach sees the answer on their page.
        await coachPage.ReloadAsync();
        await Assertions.Expect(coachPage.Locator(".plan-step", new() { HasText = "Write your CV" })).ToHaveAttributeAsync("data-status", "Agreed");
    }

    [Fact]
    public async Task PersonPlan_WithoutConsent_ShowsNotFound()
    {
        var (_, youthId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(_app);
        using var coach = await Staff.NewAsync(_app, OrganisationKind.Municipality);

        var page = await SignedInAsync(_app, browser, coach.Email);
        await page.GotoAsync($"/people/{youthId}/plan");

        await Assertions.Expect(page.Locator("#not-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#propose-heading")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);
    }
}
