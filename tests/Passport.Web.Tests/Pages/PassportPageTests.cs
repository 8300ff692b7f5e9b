using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Passport.Application;
using Passport.Application.Passports;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The whole passport in a real browser: experiences added by keyboard, endorsements accepted and declined by the
/// owner, and the print layout (no navigation, buttons or forms on paper).
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class PassportPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Theory]
    [InlineData(320)]
    [InlineData(1280)]
    public async Task Experiences_AddedByKeyboard_ShowOnTheExperiencePageAndInThePassport(int width)
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser, width);
        await page.GotoAsync("/passport");
        await Assertions.Expect(page.Locator("#experiences-heading")).ToHaveTextAsync("Experience");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add or change experience" }).ClickAsync();
        await page.WaitForURLAsync("**/passport/experiences");
        await AssertAccessibleAsync(page);

        // Saving an empty form lists what is missing, linked to the fields.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Write what you did.");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Enter the start date.");
        await Assertions.Expect(page.GetByLabel("What did you do?")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("What kind of experience?").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.GetByLabel("What kind of experience?")).ToHaveValueAsync("internship");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("What did you do?")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Shop assistant");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Where? (optional)")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Corner Bakery");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Eindhoven");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Start date")).ToBeFocusedAsync();
        // The order of a date field's parts follows the browser's own language, not the page's, so typed digits
        // would mean different dates on different machines; the date is set directly instead.
        await page.GetByLabel("Start date").FillAsync("2025-03-01");
        await page.GetByLabel("What did you do there? (optional)").FocusAsync();
        await page.Keyboard.TypeAsync("Served customers and baked bread.");
        await page.GetByLabel("What did you do?").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("[role=status]").Or(page.Locator(".error-summary"))).ToHaveTextAsync("Your experience is saved.");
        Assert.EndsWith("/passport/experiences?done=saved", page.Url, StringComparison.Ordinal);
        var card = page.Locator(".experience-card", new() { HasText = "Shop assistant" });
        await Assertions.Expect(card).ToContainTextAsync("Internship");
        await Assertions.Expect(card).ToContainTextAsync("Corner Bakery, Eindhoven");
        await Assertions.Expect(card).ToContainTextAsync("Since March 2025");
        await AssertAccessibleAsync(page);
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the experience page fits");

        await page.GotoAsync("/passport");
        await Assertions.Expect(page.Locator(".experiences .experience-card")).ToContainTextAsync("Shop assistant");
        await AssertAccessibleAsync(page);
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the passport fits");
    }

    [Fact]
    public async Task Experiences_ChangedAndDeleted_TheListFollows()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser, 1024);
        await page.GotoAsync("/passport/experiences");
        await page.GetByLabel("What kind of experience?").SelectOptionAsync("volunteering");
        await page.GetByLabel("What did you do?").FillAsync("Food bank helper");
        await page.GetByLabel("Start date").FillAsync("2024-05-01");
        await page.GetByLabel("End date (optional)").FillAsync("2024-04-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("The end date cannot be before the start date.");
        await page.GetByLabel("End date (optional)").FillAsync("2024-09-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/passport/experiences?done=saved");

        await page.GetByRole(AriaRole.Link, new() { Name = "Change – Food bank helper" }).ClickAsync();
        await Assertions.Expect(page.Locator("#experience-form-heading")).ToHaveTextAsync("Change experience");
        await Assertions.Expect(page.GetByLabel("What kind of experience?")).ToHaveValueAsync("volunteering");
        await page.GetByLabel("What did you do?").FillAsync("Food bank team leader");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/passport/experiences?done=saved");
        var card = page.Locator(".experience-card", new() { HasText = "Food bank team leader" });
        await Assertions.Expect(card).ToContainTextAsync("May 2024 to September 2024");

        await card.GetByRole(AriaRole.Button, new() { Name = "Delete – Food bank team leader" }).ClickAsync();
        await page.WaitForURLAsync("**/passport/experiences?done=deleted");
        await Assertions.Expect(page.Locator(".experience-card")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You have not added any experience yet.");
    }

    [Theory]
    [InlineData(320)]
    [InlineData(1280)]
    public async Task Endorsements_OwnerAcceptsOneAndDeclinesAnother_OnlyTheAcceptedShowsWithWhoAndWhen(int width)
    {
        var (page, personId) = await SignedInJobSeekerWithIdAsync(width);
        var (employerId, organisationId, employerName) = await EmployerAsync();
        var endorsements = _app.Services.GetRequiredService<EndorsementService>();
        Assert.Equal(OutcomeStatus.Done, (await endorsements.ProposeAsync(
            employerId, organisationId, personId, "teamwork", "Helped new colleagues find their way on busy Saturdays.")).Status);
        Assert.Equal(OutcomeStatus.Done, (await endorsements.ProposeAsync(
            employerId, organisationId, personId, "planning", "Planned the stock count for the whole shop.")).Status);

        await page.GotoAsync("/passport");
        var pending = page.Locator(".endorsement-card.pending");
        await Assertions.Expect(pending).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("No endorsements in your passport yet.");
        await AssertAccessibleAsync(page);
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the passport with endorsements fits");

        await pending.Filter(new() { HasText = "Teamwork" }).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await page.WaitForURLAsync("**/passport?endorsement=accept**");
        await Assertions.Expect(page.Locator(".endorsements [role=status]")).ToHaveTextAsync("The endorsement is now in your passport.");
        var accepted = page.Locator(".endorsement-card.accepted");
        await Assertions.Expect(accepted).ToHaveCountAsync(1);
        await Assertions.Expect(accepted.Locator("h3")).ToHaveTextAsync("Teamwork");
        await Assertions.Expect(accepted).ToContainTextAsync("Helped new colleagues find their way on busy Saturdays.");
        await Assertions.Expect(accepted.Locator(".endorsement-by")).ToHaveTextAsync(new Regex($@"^From {Regex.Escape(employerName)}, .+, on .+\d{{4}}$"));

        await pending.Filter(new() { HasText = "Planning" }).GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await page.WaitForURLAsync("**/passport?endorsement=decline**");
        await Assertions.Expect(page.Locator(".endorsement-card.pending")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".endorsement-card.accepted")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page);

        await page.Locator(".endorsement-card.accepted").GetByRole(AriaRole.Button, new() { Name = "Remove from my passport" }).ClickAsync();
        await page.WaitForURLAsync("**/passport?endorsement=withdraw**");
        await Assertions.Expect(page.Locator(".endorsement-card")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".endorsements [role=status]")).ToHaveTextAsync("The endorsement no longer shows in your passport.");
    }

    [Fact]
    public async Task Print_PassportWithEverything_HidesNavigationButtonsAndFormsButKeepsThePassport()
    {
        var (page, personId) = await SignedInJobSeekerWithIdAsync(1280);
        var (employerId, organisationId, _) = await EmployerAsync();
        var endorsements = _app.Services.GetRequiredService<EndorsementService>();
        var proposed = await endorsements.ProposeAsync(employerId, organisationId, personId, "teamwork", "Always kept the team calm and on time.");
        Assert.Equal(OutcomeStatus.Done, proposed.Status);
        var accepted = proposed.Value;
        await endorsements.AcceptAsync(personId, accepted);
        await endorsements.ProposeAsync(employerId, organisationId, personId, "planning", "Pending: not in the passport yet.");
        await page.GotoAsync("/passport/experiences");
        await page.GetByLabel("What did you do?").FillAsync("Warehouse internship");
        await page.GetByLabel("Start date").FillAsync("2025-01-06");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.WaitForURLAsync("**/passport/experiences?done=saved");
        await page.GotoAsync("/passport");
        var print = page.GetByRole(AriaRole.Button, new() { Name = "Print my passport" });
        await Assertions.Expect(print).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".site-footer")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation)).ToHaveCountAsync(0);
        await Assertions.Expect(print).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("form:visible, button:visible, .button:visible, input:visible").CountAsync());
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".skill-card").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".experiences .experience-card")).ToContainTextAsync("Warehouse internship");
        await Assertions.Expect(page.Locator(".endorsement-card.accepted")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".endorsement-card.pending")).ToBeHiddenAsync();

        // On A4 the whole passport takes one sheet.
        var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new() { Format = "A4" }));
        Assert.Equal(1, Regex.Count(pdf, @"/Type\s*/Page\b(?!s)"));

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await Assertions.Expect(page.Locator(".site-header")).ToBeVisibleAsync();
        await Assertions.Expect(print).ToBeVisibleAsync();
    }

    private async Task<(IPage Page, Guid PersonId)> SignedInJobSeekerWithIdAsync(int width)
    {
        var email = Hosting.Accounts.NewEmail();
        using (var anonymous = _app.CreateClient())
        using (var registered = await Hosting.Accounts.RegisterAsync(anonymous, email))
        {
            registered.EnsureSuccessStatusCode();
        }

        using var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _app.LoginAsync(email, Hosting.Accounts.Password));
        var personId = (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        var page = await browser.NewPageAsync(_app.Address, width);
        await SignInAsync(page, email, Hosting.Accounts.Password);
        return (page, personId);
    }

    private async Task<(Guid UserId, Guid OrganisationId, string Name)> EmployerAsync()
    {
        using var employer = await _app.CreateClientForAsync("employer@demo.test");
        var me = await employer.GetFromJsonAsync<JsonElement>("/api/me");
        return (me.GetProperty("id").GetGuid(), me.GetProperty("organisationId").GetGuid(), me.GetProperty("displayName").GetString()!);
    }
}
