using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>The web shell in a real browser: layout at 320 px, keyboard use, languages, sign-up and sign-in, WCAG 2.1 AA.</summary>
[Collection(SqliteWebCollection.Name)]
public sealed class ShellPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    private Task<IPage> NewPageAsync(int width = 320) => browser.NewPageAsync(_app.Address, width);

    [Fact]
    public async Task Home_At320Pixels_FitsWithoutSideScrollingAndExplainsEveryRole()
    {
        var page = await NewPageAsync();
        var errors = CollectConsoleErrors(page);

        await page.GotoAsync("/");

        Assert.Equal("Show what you can do", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(4, await page.Locator(".cards h3").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Keyboard_FirstTab_ReachesAVisibleSkipLinkThatMovesToTheContent()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        var text = await focused.InnerTextAsync();
        var outline = await focused.EvaluateAsync<string>("element => getComputedStyle(element).outlineStyle");
        var top = await focused.EvaluateAsync<double>("element => element.getBoundingClientRect().top");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("Skip to main content", text);
        Assert.NotEqual("none", outline);
        Assert.True(top >= 0, "the skip link is on screen when focused");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task LanguageSwitch_ToNorwegian_TranslatesThePageAndRemembersIt()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/signin");

        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Norsk bokmål" }).ClickAsync();
        await page.WaitForURLAsync("**/account/signin");
        await page.GotoAsync("/");

        Assert.Equal("nb", await page.Locator("html").GetAttributeAsync("lang"));
        await OpenMenuAsync(page);
        Assert.Equal("true", await page.GetByRole(AriaRole.Link, new() { Name = "Norsk bokmål" }).GetAttributeAsync("aria-current"));
        Assert.NotEqual("Show what you can do", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task SignUp_EmptyForm_ListsEveryProblemLinkedToItsField()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/signup");

        await page.GetByRole(AriaRole.Button, new() { Name = "Make my passport" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToBeFocusedAsync();
        // The page's own path before each fragment: with <base href="/"> a bare "#email" would lead to the home page.
        Assert.Equal(
            ["/account/signup#displayName", "/account/signup#email", "/account/signup#password", "/account/signup#birthYear"],
            await summary.Locator("a").EvaluateAllAsync<string[]>("links => links.map(link => link.getAttribute('href'))"));
        Assert.Equal("true", await page.Locator("#email").GetAttributeAsync("aria-invalid"));
    }

    [Fact]
    public async Task SignUp_ThenSignInOutAndBackIn_LandsOnTheHomeThenOnTheReturnAddress()
    {
        var page = await NewPageAsync();
        var email = Hosting.Accounts.NewEmail();
        await page.GotoAsync("/account/signup");

        await page.GetByLabel("Your name").FillAsync("Kim");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Hosting.Accounts.Password);
        await page.GetByLabel("Year of birth").FillAsync("2004");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make my passport" }).ClickAsync();
        // Signing up signs nobody in, so that it cannot tell a new address from a taken one.
        await page.WaitForURLAsync("**/account/signin?signedup=true");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Now sign in");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Hosting.Accounts.Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync("**/home?welcome=true", new() { Timeout = SprintPages.SignInTimeout });
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Welcome! Your account is ready.");
        var next = await page.Locator("#next-heading").InnerTextAsync();

        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        // The signed-out page has the menu closed again and no sign-out button in it.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();
        await page.GotoAsync("/profile");
        await page.WaitForURLAsync("**/account/signin?ReturnUrl=%2Fprofile");
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Hosting.Accounts.Password);
        await page.GetByLabel("Password").PressAsync("Enter");
        await page.WaitForURLAsync("**/profile", new() { Timeout = SprintPages.SignInTimeout });

        Assert.Equal("Play your first sprint", next);
        Assert.Equal("Hello, Kim", await page.Locator("h1").InnerTextAsync());
    }

    [Theory]
    [InlineData("youth@demo.test", "/home", "Your next step")]
    [InlineData("employer@demo.test", "/employer/vacancies", "Your vacancies")]
    [InlineData("school@demo.test", "/education/insights", "Skills the market asks for")]
    [InlineData("coach@demo.test", "/people", "People who share with you")]
    public async Task SignIn_EachRoleOnAPhone_LandsOnItsHome(string email, string home, string heading)
    {
        var page = await browser.NewPageAsync(_app.Address, 360, 640, touch: true);

        await SignInAsync(page, email, PassportApp.DemoPassword);

        Assert.Equal(home, new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoWithoutSigningIn()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/signin");

        await page.GetByLabel("E-mail address").FillAsync("youth@demo.test");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The e-mail address or password is not right");
        await OpenMenuAsync(page);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).CountAsync());
    }

    [Fact]
    public async Task Profile_JobSeekerSavesPreferences_TheyAreStoredAndShownAgain()
    {
        var page = await NewJobSeekerOnProfileAsync();

        await page.GetByLabel("Logistics and transport").CheckAsync();
        await page.GetByLabel("ICT").CheckAsync();
        await page.GetByLabel("Hours per week").FillAsync("24");
        await page.Locator("form:has(#hoursPerWeek) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/profile?saved=preferences");

        Assert.True(await page.GetByLabel("Logistics and transport").IsCheckedAsync());
        Assert.True(await page.GetByLabel("ICT").IsCheckedAsync());
        Assert.False(await page.GetByLabel("Retail").IsCheckedAsync());
        Assert.Equal("24", await page.GetByLabel("Hours per week").InputValueAsync());
    }

    [Fact]
    public async Task Profile_HoursThatAreNotANumber_AreRefusedAndTheFormKeepsTheInput()
    {
        var page = await NewJobSeekerOnProfileAsync();

        await page.GetByLabel("Retail").CheckAsync();
        await page.GetByLabel("Hours per week").FillAsync("twenty");
        await page.Locator("form:has(#hoursPerWeek) button[type=submit]").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter a number of hours from 1 to 48");
        Assert.Equal("true", await page.GetByLabel("Hours per week").GetAttributeAsync("aria-invalid"));
        Assert.Equal("twenty", await page.GetByLabel("Hours per week").InputValueAsync());
        Assert.True(await page.GetByLabel("Retail").IsCheckedAsync());
    }

    [Fact]
    public async Task Profile_Employer_SeesTheirOrganisationAndNoJobSeekerPreferences()
    {
        var page = await NewPageAsync();
        await SprintPages.SignInAsync(page, "employer@demo.test", PassportApp.DemoPassword);
        await page.GotoAsync("/profile");

        Assert.Contains("Brightwatt Installations", await page.Locator(".facts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#hoursPerWeek").CountAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/signin")]
    [InlineData("/account/signup")]
    [InlineData("/not-a-page")]
    public async Task PublicPages_MeetWcag21AA(string path)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(path);

        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ProfilePage_WithErrorsShown_MeetsWcag21AA()
    {
        var page = await NewJobSeekerOnProfileAsync();
        await page.GetByLabel("Hours per week").FillAsync("99");
        await page.Locator("form:has(#hoursPerWeek) button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

        await AssertAccessibleAsync(page);
    }

    private async Task<IPage> NewJobSeekerOnProfileAsync()
    {
        var email = Hosting.Accounts.NewEmail();
        using (var client = _app.CreateClient())
        using (var registered = await Hosting.Accounts.RegisterAsync(client, email))
        {
            registered.EnsureSuccessStatusCode();
        }

        var page = await NewPageAsync();
        await SprintPages.SignInAsync(page, email, Hosting.Accounts.Password);
        await page.GotoAsync("/profile");
        return page;
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(violation =>
            $"{violation.Id}: {violation.Help} at {string.Join(", ", violation.Nodes.Select(node => node.Target))}")));
    }

    private static List<string> CollectConsoleErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
