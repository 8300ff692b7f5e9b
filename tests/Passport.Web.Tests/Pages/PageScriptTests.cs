using Microsoft.Playwright;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// What a page weighs on a cheap phone: static pages ship no Blazor script (their links and forms are plain HTML),
/// the live pages still do; and the API reference linked from every page says its language.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed partial class PageScriptTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string BlazorScript = "blazor.web";

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task StaticPages_LandingSignInAndPassport_LoadNoBlazorScriptAndTheFormsStillWork()
    {
        var page = await browser.NewPageAsync(_app.Address, 360, 640, touch: true);
        var scripts = ScriptRequests(page);

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Show what you can do");
        // The sign-in form posts without script; the job seeker's home and passport are static too.
        var email = Hosting.Accounts.NewEmail();
        using (var client = _app.CreateClient())
        using (var registered = await Hosting.Accounts.RegisterAsync(client, email))
        {
            registered.EnsureSuccessStatusCode();
        }

        await SignInAsync(page, email, Hosting.Accounts.Password);
        await page.GotoAsync("/passport");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        Assert.DoesNotContain(scripts, script => script.Contains(BlazorScript, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator($"script[src*='{BlazorScript}']")).ToHaveCountAsync(0);
        // The only script a signed-in static page may load is the header bell's small one (about 1 kB compressed),
        // and the passport's print button.
        Assert.All(scripts, script => Assert.Matches(SmallScripts(), new Uri(script).AbsolutePath));
        Assert.Contains(scripts, script => new Uri(script).AbsolutePath.Contains("/js/notifications.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LivePage_Player_LoadsTheBlazorScriptAndPlays()
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser, 360, 640, touch: true);
        var scripts = ScriptRequests(page);

        await StartFirstSprintAsync(page);

        Assert.Contains(scripts, script => script.Contains(BlazorScript, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator($"script[src*='{BlazorScript}']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ApiReference_FromTheFooter_SaysItsLanguageAndPassesAxe()
    {
        var page = await browser.NewPageAsync(_app.Address, 360, 640, touch: true);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "API reference" }).ClickAsync();
        await page.WaitForURLAsync("**/api/reference**");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await AssertAccessibleAsync(page);
        await page.SetViewportSizeAsync(Wide, 900);
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public void WithLanguage_HtmlWithoutOne_GetsEnglishAndOneWithALanguageKeepsIt()
    {
        Assert.Equal("<!doctype html>\n<html lang=\"en\">\n<head>", Passport.Web.Hosting.ApiReferencePage.WithLanguage("<!doctype html>\n<html>\n<head>"));
        Assert.Equal("<html lang=\"nl\"><body>", Passport.Web.Hosting.ApiReferencePage.WithLanguage("<html lang=\"nl\"><body>"));
        Assert.Equal("plain text", Passport.Web.Hosting.ApiReferencePage.WithLanguage("plain text"));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^/js/(notifications|print)(\.[a-z0-9]+)?\.js$")]
    private static partial System.Text.RegularExpressions.Regex SmallScripts();

    /// <summary>The addresses of every script the page asks for, as it asks.</summary>
    private static List<string> ScriptRequests(IPage page)
    {
        var scripts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "script")
            {
                lock (scripts)
                {
                    scripts.Add(request.Url);
                }
            }
        };
        return scripts;
    }
}
