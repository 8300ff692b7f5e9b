using System.Net.Http.Json;
using Microsoft.Playwright;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>The "Your data" page in a real browser: download everything, and remove the account for good.</summary>
[Collection(SqliteWebCollection.Name)]
public sealed class MyDataPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Theory]
    [InlineData(360, 640, true)]
    [InlineData(1280, 800, false)]
    public async Task MyData_DownloadThenErase_GivesTheDataAndRemovesTheAccount(int width, int height, bool touch)
    {
        var email = Hosting.Accounts.NewEmail();
        using (var client = _app.CreateClient())
        using (var registered = await Hosting.Accounts.RegisterAsync(client, email))
        {
            registered.EnsureSuccessStatusCode();
        }

        var page = await browser.NewPageAsync(_app.Address, width, height, touch);
        await SignInAsync(page, email, Hosting.Accounts.Password);
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Your data" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your data is yours" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync());
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains(email, exported, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.Ordinal);

        // No default: the box starts unticked, and the button alone is refused with the question asked again.
        await Assertions.Expect(page.GetByLabel("I understand that my account and all my data will be gone for good.")).Not.ToBeCheckedAsync();
        await page.GetByLabel("Your password, to show it is you").FillAsync(Hosting.Accounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Tick the box first to show you understand.");
        await Assertions.Expect(page.GetByLabel("I understand that my account and all my data will be gone for good.")).Not.ToBeCheckedAsync();
        await AssertAccessibleAsync(page);

        await page.GetByLabel("I understand that my account and all my data will be gone for good.").CheckAsync();
        await page.GetByLabel("Your password, to show it is you").FillAsync("not my password");
        await page.GetByLabel("Your password, to show it is you").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That is not your password. Please try again.");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("I understand that my account and all my data will be gone for good.").CheckAsync();
        await page.GetByLabel("Your password, to show it is you").FillAsync(Hosting.Accounts.Password);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your account and all your data have been removed.");
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First).ToBeVisibleAsync();

        using var anonymous = _app.CreateClient();
        using var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = Hosting.Accounts.Password });
        Assert.False(login.IsSuccessStatusCode);
    }

    [Fact]
    public async Task PrivacyNotice_Anonymous_ExplainsTheRulesAccessibly()
    {
        var page = await browser.NewPageAsync(_app.Address);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Privacy" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nobody sees your data unless you say so" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("If you are younger than 16")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Being found by employers" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("a person decides, and nobody is turned down by the computer")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }
}
