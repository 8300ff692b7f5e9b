using Microsoft.Playwright;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Sprints;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// Share links in a real browser: a job seeker makes a link by keyboard, someone without an account opens it in a
/// fresh browser and sees only the chosen categories, and the owner stops it again.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class ShareLinkPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task ShareLink_MadeByKeyboardAndOpenedWithoutAccount_ShowsSkillsNotContactUntilStopped()
    {
        var (owner, email) = await SignedInWithSkillsAsync();
        await owner.GotoAsync("/sharing/links");
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync("Share your passport with a link");
        await AssertAccessibleAsync(owner);
        Assert.True(await FitsWithoutSideScrollingAsync(owner), "the page fits 320 px");

        // Skills are ticked already; Tab on to "Your sprints" and tick it, then name the link and press Enter.
        var skills = owner.GetByLabel("Your skills");
        await Assertions.Expect(skills).ToBeCheckedAsync();
        await skills.FocusAsync();
        await owner.Keyboard.PressAsync("Tab");
        await Assertions.Expect(owner.GetByLabel("Your sprints")).ToBeFocusedAsync();
        await owner.Keyboard.PressAsync("Space");
        await Assertions.Expect(owner.GetByLabel("Your name and e-mail address")).Not.ToBeCheckedAsync();
        await owner.GetByLabel("Name of the link (you may leave this empty)").FocusAsync();
        await owner.Keyboard.TypeAsync("For the job fair");
        await owner.Keyboard.PressAsync("Enter");

        await Assertions.Expect(owner.Locator("#created-heading")).ToHaveTextAsync("Your new link", new() { Timeout = 20_000 });
        await Assertions.Expect(owner.Locator("main")).ToContainTextAsync("Copy or save it now.");
        await Assertions.Expect(owner.GetByRole(AriaRole.Img, new() { Name = "QR code of your new link" })).ToBeVisibleAsync();
        var url = await owner.GetByLabel("The link", new() { Exact = true }).InputValueAsync();
        Assert.StartsWith(new Uri(_app.Address, "/shared/").ToString(), url, StringComparison.Ordinal);
        await AssertAccessibleAsync(owner);
        Assert.True(await FitsWithoutSideScrollingAsync(owner), "the new link fits 320 px");

        var employer = await browser.NewPageAsync(_app.Address, 1280);
        var opened = await employer.GotoAsync(url);
        Assert.Equal(200, opened!.Status);
        Assert.Equal("no-store", await opened.HeaderValueAsync("cache-control"));
        await Assertions.Expect(employer.Locator("h1")).ToHaveTextAsync("Skills passport");
        await Assertions.Expect(employer.Locator("#skills-heading")).ToBeVisibleAsync();
        await Assertions.Expect(employer.Locator(".skill-card").First).ToBeVisibleAsync();
        await Assertions.Expect(employer.Locator("#sprints-heading")).ToBeVisibleAsync();
        await Assertions.Expect(employer.Locator("#contact-heading")).ToHaveCountAsync(0);
        await Assertions.Expect(employer.Locator("main")).Not.ToContainTextAsync(email);
        await Assertions.Expect(employer.Locator("main")).Not.ToContainTextAsync("Robin");
        await Assertions.Expect(employer.Locator("meta[name=robots]")).ToHaveAttributeAsync("content", "noindex");
        await AssertAccessibleAsync(employer);
        await employer.SetViewportSizeAsync(320, 720);
        await AssertAccessibleAsync(employer);
        Assert.True(await FitsWithoutSideScrollingAsync(employer), "the shared passport fits 320 px");

        await owner.GotoAsync("/sharing/links");
        var card = owner.Locator(".share-link-card", new() { HasText = "For the job fair" });
        await Assertions.Expect(card.Locator(".share-link-opens")).ToHaveTextAsync("1");
        await card.GetByRole(AriaRole.Button, new() { Name = "Stop this link – For the job fair" }).FocusAsync();
        await owner.Keyboard.PressAsync("Enter");
        // Stopping asks first: the link still works until the owner says yes.
        await Assertions.Expect(owner.Locator("#stop-heading")).ToHaveTextAsync("Stop this link?");
        await Assertions.Expect(owner.Locator(".share-stop")).ToContainTextAsync("For the job fair");
        await AssertAccessibleAsync(owner);
        await owner.GetByRole(AriaRole.Button, new() { Name = "Yes, stop this link" }).FocusAsync();
        await owner.Keyboard.PressAsync("Enter");
        await owner.WaitForURLAsync("**/sharing/links?revoked=true");
        await Assertions.Expect(owner.Locator(".share-link-card", new() { HasText = "For the job fair" })).ToContainTextAsync("Stopped by you");
        await Assertions.Expect(owner.Locator(".share-link-card", new() { HasText = "For the job fair" }).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await AssertAccessibleAsync(owner);

        var closed = await employer.GotoAsync(url);
        Assert.Equal(404, closed!.Status);
        await Assertions.Expect(employer.Locator("h1")).ToHaveTextAsync("We cannot find this page");
        await Assertions.Expect(employer.Locator("main")).Not.ToContainTextAsync("Skills passport");
    }

    [Fact]
    public async Task ShareLinksPage_NoCategoryChosen_ShowsTheErrorAndMakesNoLink()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await page.GotoAsync("/sharing/links");

        await page.GetByLabel("Your skills").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the link" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Choose at least one kind of information to share.");
        await Assertions.Expect(page.Locator("#created-heading")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You have no share links yet.");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ShareLinksPage_Staff_SeesTheDeniedPage()
    {
        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, "employer@demo.test", PassportApp.DemoPassword);

        await page.GotoAsync("/sharing/links");

        await page.WaitForURLAsync("**/account/denied**");
    }

    /// <summary>A new job seeker who played one sprint over the API (so there are skills to share), signed in in a browser.</summary>
    private async Task<(IPage Page, string Email)> SignedInWithSkillsAsync()
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        using (client)
        {
            await using var player = await SprintPlayer.ConnectAsync(_app, client.DefaultRequestHeaders.Authorization!.Parameter!);
            await player.PlayToEndAsync((await player.StartAsync("fix-it")).GetProperty("sessionId").GetString()!);
        }

        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, email, Hosting.Accounts.Password);
        return (page, email);
    }
}
