using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.Sprints;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// Credentials in a real browser: a job seeker makes one on their page, sees it listed, downloads it and revokes it
/// after confirming; an employer, not signed in, pastes or uploads it on the verify page and reads the verdict in
/// plain words.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class CredentialPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Genuine = "This credential is genuine and was not changed.";

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task VerifyPage_PastedGenuineThenTampered_SaysGenuineThenNotGenuine()
    {
        var (client, _) = await MeasuredJobSeekerAsync();
        using (client)
        {
            var jwt = await CreateAsync(client);
            var employer = await browser.NewPageAsync(_app.Address);
            await employer.GotoAsync("/credentials/verify");
            await AssertAccessibleAsync(employer);

            await employer.GetByLabel("Paste the credential").FillAsync(jwt);
            await employer.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

            await Assertions.Expect(employer.Locator("#verdict-heading")).ToHaveTextAsync(Genuine);
            await Assertions.Expect(employer.Locator(".verdict")).ToContainTextAsync("Passport");
            await AssertAccessibleAsync(employer);
            Assert.True(await FitsWithoutSideScrollingAsync(employer), "the verdict fits 320 px");

            await employer.GetByLabel("Paste the credential").FillAsync(Tamper(jwt));
            await employer.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

            await Assertions.Expect(employer.Locator("#verdict-heading")).ToHaveTextAsync(
                "This credential is not genuine: someone changed it after it was made. Do not trust it.");
            await AssertAccessibleAsync(employer);

            await employer.GetByLabel("Paste the credential").FillAsync("hello");
            await employer.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
            await Assertions.Expect(employer.Locator("#verdict-heading")).ToHaveTextAsync("We cannot check this credential: this is not a credential.");
        }
    }

    [Theory]
    [InlineData(360, 640, true)]
    [InlineData(Wide, 800, false)]
    public async Task MyCredentials_MakeDownloadThenRevokeAfterConfirming_TheListFollowsAndTheFileShowsAsRevoked(int width, int height, bool touch)
    {
        var (client, email) = await MeasuredJobSeekerAsync();
        client.Dispose();
        var page = await browser.NewPageAsync(_app.Address, width, height, touch);
        await SignInAsync(page, email, Hosting.Accounts.Password);
        await page.GotoAsync("/passport");
        await page.GetByRole(AriaRole.Link, new() { Name = "Download your skills as a credential to show employers" }).ClickAsync();
        await page.WaitForURLAsync("**/credentials");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My credentials");
        await Assertions.Expect(page.Locator("#issued-heading + p")).ToHaveTextAsync("You have not made a credential yet.");
        await AssertAccessibleAsync(page);
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the page fits the screen");

        var card = page.Locator(".credential-card").First;
        var skill = await card.Locator("h3").InnerTextAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = $"Make your proof – {skill}" }).ClickAsync();

        // Recorded, then listed from the same data as the "none yet" sentence, which is gone.
        await page.WaitForURLAsync("**/credentials?made=*");
        var issued = page.Locator("section[aria-labelledby='issued-heading'] .credential-card");
        await Assertions.Expect(issued).ToHaveCountAsync(1);
        await Assertions.Expect(issued.Locator("h3")).ToHaveTextAsync(skill);
        await Assertions.Expect(issued.Locator(".credential-status")).ToHaveTextAsync("Valid");
        await Assertions.Expect(page.GetByText("You have not made a credential yet.")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#made-heading")).ToHaveTextAsync("Your proof is ready");
        await AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download your proof" }).ClickAsync());
        Assert.EndsWith(".jwt", download.SuggestedFilename, StringComparison.Ordinal);
        var file = await download.PathAsync();
        var jwt = await File.ReadAllTextAsync(file);
        using var anonymous = _app.CreateClient();
        Assert.True((await VerifyAsync(anonymous, jwt)).GetProperty("genuine").GetBoolean());

        // Revoking asks first; saying no changes nothing.
        var revoke = issued.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Stop this proof – {skill}") });
        await revoke.ClickAsync();
        await Assertions.Expect(page.Locator("#stop-heading")).ToHaveTextAsync("Stop this proof?");
        await Assertions.Expect(issued.Locator(".credential-status")).ToHaveTextAsync("Valid");
        await AssertAccessibleAsync(page);
        Assert.True(await FitsWithoutSideScrollingAsync(page), "the question fits the screen");
        await page.GetByRole(AriaRole.Link, new() { Name = "No, keep it" }).ClickAsync();
        await page.WaitForURLAsync("**/credentials");
        await Assertions.Expect(page.Locator("#stop-heading")).ToHaveCountAsync(0);
        await Assertions.Expect(issued.Locator(".credential-status")).ToHaveTextAsync("Valid");

        await revoke.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, stop this proof" }).ClickAsync();
        await page.WaitForURLAsync("**/credentials?revoked=true");
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("The proof is stopped.");
        await Assertions.Expect(issued.Locator(".credential-status")).ToContainTextAsync("Stopped on");
        await Assertions.Expect(issued.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page);

        var employer = await browser.NewPageAsync(_app.Address);
        await employer.GotoAsync("/credentials/verify");
        await employer.GetByLabel("Or choose the file", new() { Exact = true }).SetInputFilesAsync(file);
        await employer.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Assertions.Expect(employer.Locator("#verdict-heading")).ToHaveTextAsync("The owner stopped this proof. It is no longer valid.");
        await AssertAccessibleAsync(employer);
    }

    [Fact]
    public async Task MyCredentials_SignedOut_GoesToSignIn()
    {
        var page = await browser.NewPageAsync(_app.Address);

        await page.GotoAsync("/credentials");

        Assert.Contains("/account/signin", page.Url, StringComparison.Ordinal);
    }

    private async Task<(HttpClient Client, string Email)> MeasuredJobSeekerAsync()
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        await using var player = await SprintPlayer.ConnectAsync(_app, await _app.LoginAsync(email, Hosting.Accounts.Password));
        await player.PlayToEndAsync((await player.StartAsync("team-shift")).GetProperty("sessionId").GetString()!);
        return (client, email);
    }

    private static async Task<string> CreateAsync(HttpClient client)
    {
        var skill = (await client.GetFromJsonAsync<JsonElement>("/api/me/passport")).GetProperty("skills")[0].GetProperty("skillId").GetString();
        using var response = await client.PostAsJsonAsync("/api/me/credentials", new { skillId = skill });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jwt").GetString()!;
    }

    private static string Tamper(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = Encoding.UTF8.GetString(Jose.Base64Url.Decode(parts[1])).Replace("\"value\":\"", "\"value\":\"5", StringComparison.Ordinal);
        return $"{parts[0]}.{Jose.Base64Url.Encode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient client, string jwt)
    {
        using var response = await client.PostAsJsonAsync("/api/credentials/verify", new { jwt });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
