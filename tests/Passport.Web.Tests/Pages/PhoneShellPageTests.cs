using Microsoft.Playwright;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The shell on a phone (360 × 640, touch): a one-row header with a menu button, so a sprint's question and its answer
/// button fit the first screen in every language; the menu opens by keyboard and holds the language switch.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class PhoneShellPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 360;
    private const int PhoneHeight = 640;

    private readonly PassportApp _app = fixture.App;

    [Theory]
    [InlineData("en", "Menu", "Send my answer")]
    [InlineData("nl", "Menu", "Stuur mijn antwoord")]
    [InlineData("da", "Menu", "Send mit svar")]
    [InlineData("nb", "Meny", "Send svaret mitt")]
    public async Task Player_OnAPhone_ShowsTheFirstQuestionAndItsAnswerButtonWithoutScrolling(string language, string menu, string submit)
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser, PhoneWidth, PhoneHeight, touch: true);
        await page.GotoAsync($"/language/{language}?returnUrl=%2Fsprints");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(MenuButton(page)).ToHaveAccessibleNameAsync(menu);

        await page.Locator(".sprint-card").First.Locator("a[href$='/play']").ClickAsync();
        await Assertions.Expect(Question(page)).ToBeVisibleAsync(Patiently);
        var button = page.Locator(".answer-form button[type=submit]");
        await Assertions.Expect(button).ToHaveTextAsync(submit);

        Assert.Equal(0, await page.EvaluateAsync<double>("window.scrollY"));
        await AssertWithinFirstScreenAsync(page.Locator(".question-prompt"), "the question");
        await AssertWithinFirstScreenAsync(button, "the answer button");
        await Assertions.Expect(MenuButton(page)).ToHaveAccessibleNameAsync(menu);
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the player fits 360 px");
    }

    [Fact]
    public async Task Menu_OnAPhoneByKeyboard_OpensTheNavigationAndTheLanguageSwitch()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser, PhoneWidth, PhoneHeight, touch: true);
        await page.GotoAsync("/sprints");
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        var languages = page.GetByRole(AriaRole.Navigation, new() { Name = "Language" });
        await Assertions.Expect(navigation).ToBeHiddenAsync();
        await Assertions.Expect(languages).ToBeHiddenAsync();
        var headerHeight = await page.Locator("header").EvaluateAsync<double>("header => header.getBoundingClientRect().height");
        Assert.True(headerHeight <= 72, $"the closed header is one row ({headerHeight} px)");

        // Skip link, brand, then the menu button.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(MenuButton(page)).ToBeFocusedAsync();
        Assert.NotEqual("none", await MenuButton(page).EvaluateAsync<string>("button => getComputedStyle(button).outlineStyle"));
        await Assertions.Expect(MenuButton(page)).ToHaveAccessibleNameAsync("Menu");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "My passport" })).ToBeVisibleAsync();
        await Assertions.Expect(languages.GetByRole(AriaRole.Link, new() { Name = "Nederlands" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("details.site-menu")).ToHaveAttributeAsync("open", "");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link).First).ToBeFocusedAsync();
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the open menu fits 360 px");
        await AssertAccessibleAsync(page);

        // On by keyboard to Dutch in the language switch.
        for (var tabs = 0; tabs < 20 && !await languages.GetByRole(AriaRole.Link, new() { Name = "Nederlands" }).EvaluateAsync<bool>("link => link === document.activeElement"); tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(languages.GetByRole(AriaRole.Link, new() { Name = "Nederlands" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToBeHiddenAsync();

        // The same button closes it again.
        await MenuButton(page).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Menu_OnAWideScreen_ShowsTheNavigationInlineWithoutAButton()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser, Wide);
        await page.GotoAsync("/sprints");

        await Assertions.Expect(MenuButton(page)).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "My passport" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Dansk" })).ToBeVisibleAsync();
    }

    private static async Task AssertWithinFirstScreenAsync(ILocator element, string what)
    {
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.Y + box.Height <= PhoneHeight, $"{what} ends at {box.Y + box.Height} px of {PhoneHeight}");
    }
}
