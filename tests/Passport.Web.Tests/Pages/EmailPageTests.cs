using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Passport.Data.Email;
using Passport.Testing;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The Admin's e-mail pages in a real browser, on the host without a mail server: a test e-mail is queued, written to
/// the pickup folder and readable on its page; job seekers are turned away.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class EmailPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task EmailPage_AdminSendsATestEmail_SeesItSentAndReadsItsFile()
    {
        var page = await browser.NewPageAsync(_app.Address);
        await SignInAsync(page, "admin@demo.test", PassportApp.DemoPassword);
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "E-mail", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/admin/email");
        await Assertions.Expect(page.Locator("#mode")).ToContainTextAsync("No mail server is set.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send a test e-mail to me" }).ClickAsync();

        await Assertions.Expect(page.Locator("#test-queued")).ToContainTextAsync("The test e-mail to admin@demo.test is waiting to go out.");
        var id = Guid.Parse(await page.Locator("table.email-table tbody tr").First.GetAttributeAsync("data-id") ?? "");
        await Eventually.HoldsAsync(
            () => _app.Services.GetRequiredService<OutboxStore>().FindAsync(id, CancellationToken.None),
            message => message?.Status == OutboxStatus.Sent,
            TimeSpan.FromSeconds(30),
            "the test e-mail written to the pickup folder");
        await page.GotoAsync("/admin/email");
        var row = page.Locator($"tr[data-id='{id}']");
        await Assertions.Expect(row.Locator(".status")).ToHaveTextAsync("Sent");
        await Assertions.Expect(row).ToContainTextAsync("admin-test");
        await AssertAccessibleAtBothWidthsAsync(page);

        await row.GetByRole(AriaRole.Link).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync($"**/admin/email/{id}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Test e-mail from Passport");
        await Assertions.Expect(page.Locator("#text")).ToContainTextAsync("This is a test e-mail from Passport.");
        await page.Locator("details.email-file summary").ClickAsync();
        await Assertions.Expect(page.Locator("#eml")).ToContainTextAsync($"Message-Id: <{id:N}@passport.invalid>");
        await AssertAccessibleAtBothWidthsAsync(page);
    }

    [Theory]
    [InlineData("/admin/email")]
    [InlineData("/admin/email/{0}")]
    public async Task EmailPages_JobSeeker_SeesTheDeniedPage(string path)
    {
        var page = await SignedInAsNewJobSeekerAsync(_app, browser);
        await OpenMenuAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "E-mail", Exact = true })).ToHaveCountAsync(0);

        await AssertDeniedAsync(page, string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid()));
    }
}
