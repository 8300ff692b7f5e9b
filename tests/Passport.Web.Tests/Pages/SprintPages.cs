using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// A person in a browser on the sprint pages: signs in, and plays whatever items a sprint presents, by keyboard,
/// knowing only what the page shows. Every wait is on page state, never on time.
/// </summary>
public static partial class SprintPages
{
    /// <summary>How long a step may take to show: the first needs the Blazor circuit to start.</summary>
    public static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 20_000 };

    /// <summary>The desktop width axe checks pages at, besides 320 px.</summary>
    public const int Wide = 1280;

    /// <summary>A job seeker registered through the API and signed in through the sign-in page.</summary>
    public static async Task<IPage> SignedInAsNewJobSeekerAsync(PassportApp app, BrowserFixture browser, int width = 320, int height = 720, bool touch = false)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(browser);
        var email = Hosting.Accounts.NewEmail();
        using (var client = app.CreateClient())
        using (var registered = await Hosting.Accounts.RegisterAsync(client, email))
        {
            registered.EnsureSuccessStatusCode();
        }

        var page = await browser.NewPageAsync(app.Address, width, height, touch);
        await SignInAsync(page, email, Hosting.Accounts.Password);
        return page;
    }

    /// <summary>A fresh browser profile, 320 px wide, signed in as <paramref name="email"/> (staff of <c>Staff.NewAsync</c> by default).</summary>
    public static async Task<IPage> SignedInAsync(PassportApp app, BrowserFixture browser, string email, string password = Hosting.Accounts.Password)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(browser);
        var page = await browser.NewPageAsync(app.Address);
        await SignInAsync(page, email, password);
        return page;
    }

    /// <summary>
    /// Opens the header's menu if the screen is narrow enough to fold it behind the menu button (the way a phone user
    /// reaches the navigation and the language switch); on wide screens they are inline and this does nothing.
    /// </summary>
    public static async Task OpenMenuAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var button = MenuButton(page);
        if (await button.IsVisibleAsync() && await page.Locator("details.site-menu[open]").CountAsync() == 0)
        {
            await button.ClickAsync();
        }

        await Assertions.Expect(page.Locator("header nav").First).ToBeVisibleAsync();
    }

    /// <summary>The header's menu button (a native disclosure's summary).</summary>
    public static ILocator MenuButton(IPage page) => page.Locator("header summary.menu-button");

    /// <summary>Opens <paramref name="path"/> and expects the "no access" page.</summary>
    public static async Task AssertDeniedAsync(IPage page, string path)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        await page.WaitForURLAsync("**/account/denied**");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You do not have access to this page");
    }

    /// <summary>
    /// Follows the navigation link <paramref name="navigation"/> to a list that says <paramref name="empty"/>, then its
    /// link <paramref name="newLink"/> to the form at the list's address plus <c>/new</c>; axe checks both at both widths.
    /// </summary>
    public static async Task OpenEmptyListThenNewFormAsync(IPage page, string navigation, string empty, string newLink)
    {
        ArgumentNullException.ThrowIfNull(page);
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = navigation, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(empty);
        var list = new Uri(page.Url).AbsolutePath;
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = newLink }).ClickAsync();
        await page.WaitForURLAsync($"**{list}/new");
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    /// <summary>The id in the page's address, e.g. of <c>/employer/vacancies/{id}?done=created</c>.</summary>
    public static Guid IdInUrl(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Guid.Parse(IdPattern().Match(page.Url).Value);
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Sign in" });
        await submit.ClickAsync();
        try
        {
            await LeftSignInAsync(page, SignInTimeout / 2);
            return;
        }
        catch (TimeoutException) when (new Uri(page.Url).AbsolutePath.StartsWith("/account/signin", StringComparison.Ordinal))
        {
            // Once on a loaded CI machine the form's post never reached the host: the page stayed as it was. A person
            // would press the button again, and so does this, but a refused sign-in (an error shown) is not retried.
        }

        await Assertions.Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
        await submit.ClickAsync();
        await LeftSignInAsync(page);
    }

    /// <summary>
    /// Waits until the sign-in form sent the browser on, to the home of the account's role or its return address.
    /// Waiting for the page's DOM, not every asset, and for long, keeps a busy machine from timing out here.
    /// </summary>
    public static Task LeftSignInAsync(IPage page, float timeout = SignInTimeout)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.WaitForURLAsync(
            url => !new Uri(url).AbsolutePath.StartsWith("/account/signin", StringComparison.Ordinal),
            new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = timeout });
    }

    /// <summary>Signing in hashes a password and starts the landing page's grains; on a loaded machine 30 s was too short.</summary>
    public const float SignInTimeout = 90_000;

    /// <summary>Opens the sprint list and follows the first sprint's Play link; answers the sprint's title.</summary>
    public static async Task<string> StartFirstSprintAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/sprints");
        var card = page.Locator(".sprint-card").First;
        var title = await card.Locator("h2").InnerTextAsync();
        await card.GetByRole(AriaRole.Link, new() { Name = $"Play – {title}" }).ClickAsync();
        await Assertions.Expect(Question(page)).ToBeVisibleAsync(Patiently);
        return title;
    }

    public static ILocator Question(IPage page) => page.Locator("section.question");

    public static ILocator Result(IPage page) => page.Locator("section.sprint-result");

    /// <summary>The current question's index (from 0), once one shows.</summary>
    public static async Task<int> CurrentIndexAsync(IPage page)
    {
        await Assertions.Expect(Question(page)).ToBeVisibleAsync(Patiently);
        return int.Parse(await Question(page).GetAttributeAsync("data-index") ?? "-1", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Answers every item until the result shows; <paramref name="onQuestion"/> runs on each question first.
    /// Answers the kinds of the items answered.
    /// </summary>
    public static async Task<List<string>> PlayToEndAsync(IPage page, Func<IPage, string, Task>? onQuestion = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var kinds = new List<string>();
        for (var pick = 0; ; pick++)
        {
            await Assertions.Expect(Question(page).Or(Result(page))).ToBeVisibleAsync(Patiently);
            if (await Result(page).IsVisibleAsync())
            {
                return kinds;
            }

            var index = await Question(page).GetAttributeAsync("data-index");
            var kind = await Question(page).GetAttributeAsync("data-kind") ?? "";
            if (onQuestion is not null)
            {
                await onQuestion(page, kind);
            }

            await AnswerByKeyboardAsync(page, kind, pick);
            kinds.Add(kind);
            // The next item, or the result; a timed item may also move on by itself when the server's clock runs out.
            await Assertions.Expect(page.Locator($"section.question:not([data-index='{index}'])").Or(Result(page))).ToBeVisibleAsync(Patiently);
        }
    }

    /// <summary>
    /// Answers the question on screen with the keyboard only, starting from its heading (where focus is put):
    /// a choice among the radios, or one move in a ranking; then Tab to the answer button and Enter.
    /// </summary>
    public static async Task AnswerByKeyboardAsync(IPage page, string kind, int pick)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page.Locator("#question-heading")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        if (kind == "rank")
        {
            // The top option cannot move up, so the first stop is its "Move down"; focus stays with the option it moved.
            var first = await page.Locator(".rank-text").First.InnerTextAsync();
            await Assertions.Expect(page.Locator(":focus")).ToHaveAttributeAsync("aria-label", $"Move down: {first}");
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator(".rank-text").Nth(1)).ToHaveTextAsync(first);
            await Assertions.Expect(page.Locator(":focus")).ToHaveAttributeAsync("aria-label", $"Move down: {first}");
            await Assertions.Expect(page.Locator(".answer-form [role=status]")).ToHaveTextAsync($"{first} is now number 2 of {await page.Locator(".rank-text").CountAsync()}.");
            // On past the remaining move buttons to the answer button.
            for (var tabs = 0; tabs < 12 && await page.EvaluateAsync<string?>("document.activeElement?.getAttribute('type')") != "submit"; tabs++)
            {
                await page.Keyboard.PressAsync("Tab");
            }
        }
        else
        {
            // Focus lands on the first radio; arrow keys move the choice along the group.
            await Assertions.Expect(page.Locator(":focus")).ToHaveAttributeAsync("type", "radio");
            await page.Keyboard.PressAsync("Space");
            for (var step = 0; step < pick % 3; step++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }

            await Assertions.Expect(page.Locator("input[type=radio]:checked")).ToHaveCountAsync(1);
            await page.Keyboard.PressAsync("Tab");
        }

        await Assertions.Expect(page.Locator(":focus")).ToHaveAttributeAsync("type", "submit");
        await page.Keyboard.PressAsync("Enter");
    }

    public static async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.True(result.Violations.Length == 0, $"{page.Url}:\n" + string.Join("\n", result.Violations.Select(violation =>
            $"{violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target))}")));
    }

    /// <summary>axe WCAG 2.1 AA at the narrowest phone (320 px, no side scrolling) and on a desktop; leaves the page at 320 px.</summary>
    public static async Task AssertAccessibleAtBothWidthsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.SetViewportSizeAsync(320, 720);
        await AssertAccessibleAsync(page);
        Assert.True(await FitsWithoutSideScrollingAsync(page), $"{page.Url} fits 320 px; wider: {await WiderThanTheScreenAsync(page)}");
        await page.SetViewportSizeAsync(Wide, 900);
        await AssertAccessibleAsync(page);
        await page.SetViewportSizeAsync(320, 720);
    }

    /// <summary>The innermost elements that reach past the right edge of the screen, to name in a failure.</summary>
    public static Task<string> WiderThanTheScreenAsync(IPage page) =>
        page.EvaluateAsync<string>("""
            [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5 && e.children.length === 0)
                .slice(0, 5)
                .map(e => `${e.tagName.toLowerCase()}${e.className ? '.' + e.className : ''} "${(e.textContent || '').trim().slice(0, 60)}"`)
                .join('; ')
            """);

    public static Task<bool> FitsWithoutSideScrollingAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth");

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex IdPattern();
}
