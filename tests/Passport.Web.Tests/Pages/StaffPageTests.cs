using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Passport.Domain.Organisations;
using Passport.Web.Tests.Hosting;
using Passport.Web.Tests.OrganisationStaff;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// Inviting, accepting, deactivating and resetting a password in a real browser at 320 px, by keyboard where it
/// matters, with axe on every page.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class StaffPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string NewPassword = "a fresh long passphrase";

    /// <summary>A post hashes a password or writes and renders a page; waiting for its DOM, not every asset, and for long keeps a loaded machine from timing out.</summary>
    private static readonly PageWaitForURLOptions AfterPost = new() { Timeout = SignInTimeout, WaitUntil = WaitUntilState.DOMContentLoaded };

    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task AdminInvitesFirstStaffMember_TheyAcceptFromTheLinkAndLandAsCoach()
    {
        var organisation = await NewMunicipalityAsync();
        var email = $"first-{Guid.NewGuid():N}@example.org";
        var admin = await SignedInAsync(_app, browser, "admin@demo.test", PassportApp.DemoPassword);
        await OpenMenuAsync(admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Organisations", Exact = true }).ClickAsync();
        await admin.WaitForURLAsync("**/admin/organisations", AfterPost);
        await admin.GetByRole(AriaRole.Link, new() { Name = $"Invite staff to {organisation.Name}" }).ClickAsync();
        await admin.WaitForURLAsync($"**/admin/organisations/{organisation.Id}", AfterPost);
        await Assertions.Expect(admin.GetByLabel("Make them an organisation admin")).ToBeCheckedAsync();
        await AssertAccessibleAtBothWidthsAsync(admin);

        await admin.GetByLabel("Their e-mail address").FillAsync(email);
        await admin.GetByLabel("Their e-mail address").PressAsync("Enter");
        await admin.WaitForURLAsync("**?invited=true", AfterPost);
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("The invitation is sent by e-mail.");

        var token = await Mail.TokenAsync(_app, email, "invitation");
        var invited = await browser.NewPageAsync(_app.Address);
        await invited.GotoAsync($"/invitations/accept?token={token}");
        await AssertAccessibleAtBothWidthsAsync(invited);
        await invited.GetByLabel("Your name").FillAsync("Robin");
        await invited.Keyboard.PressAsync("Tab");
        await invited.Keyboard.TypeAsync("short");
        await invited.Keyboard.PressAsync("Enter");
        await Assertions.Expect(invited.Locator(".error-summary")).ToBeVisibleAsync();
        await AssertAccessibleAsync(invited);

        await invited.GetByLabel("Password").FillAsync(NewPassword);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await invited.WaitForURLAsync("**/people**", AfterPost);
        using var coach = await _app.CreateClientForAsync(email, NewPassword);
        Assert.Contains("Coach", (await coach.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("roles").EnumerateArray().Select(role => role.GetString()));

        var again = await browser.NewPageAsync(_app.Address);
        await again.GotoAsync($"/invitations/accept?token={token}");
        await again.GetByLabel("Your name").FillAsync("Someone");
        await again.GetByLabel("Password").FillAsync("another fresh passphrase");
        await again.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(again.GetByRole(AriaRole.Alert)).ToContainTextAsync("This invitation link does not work.");
        await AssertAccessibleAsync(again);
    }

    [Fact]
    public async Task OrganisationAdmin_InvitesAndDeactivatesWithASuccessorAfterConfirming()
    {
        using var admin = await StaffInvitationTests.OrganisationAdminAsync(_app, OrganisationKind.Municipality);
        using var leaver = await Staff.ColleagueAsync(_app, admin, OrganisationKind.Municipality);
        using var successor = await Staff.ColleagueAsync(_app, admin, OrganisationKind.Municipality);
        var page = await SignedInAsync(_app, browser, admin.Email);
        await OpenMenuAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/organisation/staff", AfterPost);
        await AssertAccessibleAtBothWidthsAsync(page);

        var email = $"colleague-{Guid.NewGuid():N}@example.org";
        await page.GetByLabel("Their e-mail address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await page.WaitForURLAsync("**?done=invited", AfterPost);
        await Assertions.Expect(page.Locator(".pending-invitations")).ToContainTextAsync(email);
        Assert.Single(await Mail.ForAsync(_app, email));

        await page.GetByRole(AriaRole.Link, new() { Name = $"Deactivate {leaver.DisplayName}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Deactivate {leaver.DisplayName}?" })).ToBeVisibleAsync();
        await AssertAccessibleAtBothWidthsAsync(page);
        // Without a successor the form says what is missing and nothing happens.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, deactivate {leaver.DisplayName}" }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Choose who takes over");
        await AssertAccessibleAsync(page);

        var choose = page.GetByLabel("Who takes over?");
        await choose.FocusAsync();
        await choose.SelectOptionAsync(successor.UserId.ToString());
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveAttributeAsync("type", "submit");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**?done=deactivated", AfterPost);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The account is deactivated.");
        await Assertions.Expect(page.Locator($"#member-{leaver.UserId}")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"{successor.DisplayName} took over their people.");
        using var gone = await leaver.Client.GetAsync("/api/me");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, gone.StatusCode);
    }

    [Fact]
    public async Task StaffWithoutTheRight_SeeThatOnlyAdminsCanDoThis()
    {
        using var member = await Staff.NewAsync(_app, OrganisationKind.Employer);
        var page = await SignedInAsync(_app, browser, member.Email);

        await page.GotoAsync("/organisation/staff");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Only organisation admins can do this.");
        await Assertions.Expect(page.GetByLabel("Their e-mail address")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ForgotPassword_FromSignIn_ResetOnceThenTheLinkFails()
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        client.Dispose();
        var page = await browser.NewPageAsync(_app.Address);
        await page.GotoAsync("/account/signin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await page.WaitForURLAsync("**/account/forgot-password", AfterPost);
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("E-mail address").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("If this address has an account");
        await AssertAccessibleAsync(page);

        var token = await Mail.TokenAsync(_app, email, "password-reset");
        await page.GotoAsync($"/account/reset-password?token={token}");
        await AssertAccessibleAtBothWidthsAsync(page);
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByLabel("New password").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed.");
        await AssertAccessibleAsync(page);
        await _app.LoginAsync(email, NewPassword);

        await page.GotoAsync($"/account/reset-password?token={token}");
        await page.GetByLabel("New password").FillAsync("one more long passphrase");
        await page.GetByLabel("New password").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This password link does not work.");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ResetPage_InDanish_AsksForTheNewPasswordInDanish()
    {
        var page = await browser.NewPageAsync(_app.Address);
        await page.GotoAsync($"/language/da?returnUrl={Uri.EscapeDataString("/account/forgot-password")}");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Glemt din adgangskode?");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send mig et link" })).ToBeVisibleAsync();
    }

    private async Task<(Guid Id, string Name)> NewMunicipalityAsync()
    {
        using var admin = await _app.CreateClientForAsync("admin@demo.test");
        var name = $"Youth Desk {Guid.NewGuid():N}"[..24];
        using var created = await admin.PostAsJsonAsync("/api/admin/organisations", new { kind = "Municipality", name, place = "Odense" });
        created.EnsureSuccessStatusCode();
        return ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), name);
    }
}
