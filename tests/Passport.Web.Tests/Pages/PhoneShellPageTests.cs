using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Passport.Domain.Sprints;
using Passport.Grains.Sprints;
using Passport.Web.Sprints.Pages;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The shell on a phone (360 × 640, touch): a one-row header with a menu button, so a sprint's question and its answer
/// button fit the first screen in every language, for every item of every sprint; the menu opens by keyboard and
/// holds the language switch.
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

    /// <summary>
    /// Every item of every sprint, in the real player at 360 × 640 under the real header: the player's own question
    /// section is copied, and the copy shows each item's prompt and its answer form as the player's components render
    /// them (timed items with their clock), under that item's sprint title. Rendering the components, not
    /// playing, reaches every item in seconds; the adaptive order would show only some of them.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("nl")]
    [InlineData("da")]
    [InlineData("nb")]
    public async Task Player_OnAPhone_FitsEveryItemOfEverySprintWithItsAnswerButton(string language)
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser, PhoneWidth, PhoneHeight, touch: true);
        await page.GotoAsync($"/language/{language}?returnUrl=%2Fsprints");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await page.Locator(".sprint-card").First.Locator("a[href$='/play']").ClickAsync();
        // A timed question would run out while the items are measured and move the page on: answer it first.
        for (var index = await CurrentIndexAsync(page); await Question(page).GetAttributeAsync("data-kind") == "timed"; index++)
        {
            await AnswerByKeyboardAsync(page, "timed", 0);
            await Assertions.Expect(page.Locator($"section.question[data-index='{index + 1}']")).ToBeVisibleAsync(Patiently);
        }

        var items = await RenderEveryItemAsync(language);
        var tooLong = new List<string>();
        foreach (var item in items)
        {
            var ends = await page.EvaluateAsync<double[]>(ShowItemInsteadScript, new { title = item.Title, prompt = item.Prompt, answer = item.Answer });
            if (ends[0] > PhoneHeight || ends[1] > PhoneHeight)
            {
                tooLong.Add($"{item.Id}: the question ends at {ends[0]} px, the answer button at {ends[1]} px");
            }
        }

        Assert.NotEmpty(items);
        Assert.True(tooLong.Count == 0, $"Below the first {PhoneHeight} px in {language}:\n{string.Join('\n', tooLong)}");
        Assert.True(await FitsWithoutSideScrollingAsync(page), "every item fits 360 px");
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

    /// <summary>One item as the player shows it: its sprint's title, its prompt and its rendered answer form.</summary>
    private sealed record ItemPage(string Id, string Title, string Prompt, string Answer);

    /// <summary>
    /// Hides the player's question and shows a copy with the item's texts and answer form in its place; answers where
    /// the question and the answer button end, from the top of the page.
    /// </summary>
    private const string ShowItemInsteadScript = """
        item => {
            document.querySelectorAll("section.question[data-copy]").forEach(copy => copy.remove());
            const live = [...document.querySelectorAll("section.question")];
            live.forEach(section => section.style.display = "none");
            const copy = live[0].cloneNode(true);
            copy.style.display = "";
            copy.setAttribute("data-copy", "");
            copy.querySelectorAll(".answer-form, .countdown").forEach(element => element.remove());
            copy.querySelector(".question-prompt").textContent = item.prompt;
            copy.insertAdjacentHTML("beforeend", item.answer);
            live[0].after(copy);
            document.querySelector(".player h1").textContent = item.title;
            const bottom = element => element.getBoundingClientRect().bottom + window.scrollY;
            return [bottom(copy.querySelector("h2")), bottom(copy.querySelector(".answer-form button[type=submit]"))];
        }
        """;

    /// <summary>Every item of every sprint, rendered by the player's own question components in <paramref name="language"/>.</summary>
    private async Task<List<ItemPage>> RenderEveryItemAsync(string language)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        // Forms render their action from the page's address, as on the player's page.
        var address = new Uri(_app.Address, "/").ToString();
        ((IHostEnvironmentNavigationManager)scope.ServiceProvider.GetRequiredService<NavigationManager>()).Initialize(address, address + "sprints/play");
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var sprints = scope.ServiceProvider.GetRequiredService<SprintCatalog>().All;
        var now = DateTimeOffset.UtcNow;
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            var pages = new List<ItemPage>();
            foreach (var sprint in sprints)
            {
                foreach (var item in sprint.Items)
                {
                    var shown = PresentedItem.Of(item, language, Guid.NewGuid(), 0, sprint.MaxItems, now);
                    var answer = shown.Kind switch
                    {
                        "rank" => await RenderAsync<RankQuestion>(renderer, ("Item", shown)),
                        "scale" => await RenderAsync<ScaleQuestion>(renderer, ("Item", shown)),
                        _ => (shown.Deadline is { } deadline
                                ? await RenderAsync<Countdown>(renderer, ("Deadline", deadline), ("TimeLimitMs", shown.TimeLimitMs!.Value))
                                : "")
                            + await RenderAsync<ChoiceQuestion>(renderer, ("Item", shown)),
                    };
                    pages.Add(new ItemPage(item.Id, sprint.Title.In(language), shown.Prompt, answer));
                }
            }

            return pages;
        });
    }

    private static async Task<string> RenderAsync<TComponent>(HtmlRenderer renderer, params (string Name, object Value)[] parameters)
        where TComponent : IComponent =>
        (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary(parameter => parameter.Name, parameter => (object?)parameter.Value))))
        .ToHtmlString();

    private static async Task AssertWithinFirstScreenAsync(ILocator element, string what)
    {
        var box = await element.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y >= 0 && box.Y + box.Height <= PhoneHeight, $"{what} ends at {box.Y + box.Height} px of {PhoneHeight}");
    }
}
