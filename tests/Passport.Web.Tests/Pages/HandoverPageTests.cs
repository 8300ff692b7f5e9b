using Microsoft.Playwright;
using Passport.Web.Tests.Handovers;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// A warm hand-over in a real browser at 320 px, by keyboard: the young person reads the note and says yes (after the
/// confirmation tick), the receiving organisation accepts naming a contact person and records the meeting. Every page
/// passes axe.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class HandoverPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Handover_YouthConsentsReceiverAcceptsAndCompletes_ByKeyboardAndAxeClean()
    {
        var parties = await HandoverParties.CreateAsync(_app);
        using var _ = parties;
        await parties.ProposeAsync(new
        {
            receivingOrganisationId = parties.B.OrganisationId, receivingPersonUserId = parties.BColleague.UserId, note = HandoverApiTests.Note(),
        });

        var youth = await SignedInAsync(_app, browser, parties.YouthEmail);
        await youth.GotoAsync("/my-handovers");
        await Assertions.Expect(youth.Locator("h1")).ToHaveTextAsync("My hand-overs");
        await Assertions.Expect(youth.Locator(".handover")).ToContainTextAsync("We wrote your CV together.");
        await AssertAccessibleAtBothWidthsAsync(youth);
        await youth.GetByRole(AriaRole.Button, new() { Name = "Yes, hand me over" }).PressAsync("Enter");
        await Assertions.Expect(youth.Locator("#confirm-error")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(youth.Locator(".handover")).ToHaveAttributeAsync("data-status", "Proposed");
        await AssertAccessibleAtBothWidthsAsync(youth);
        await youth.GetByLabel("I agree that").FocusAsync();
        await youth.Keyboard.PressAsync("Space");
        await youth.GetByRole(AriaRole.Button, new() { Name = "Yes, hand me over" }).PressAsync("Enter");
        await Assertions.Expect(youth.Locator("#handover-saved")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(youth.Locator(".handover")).ToHaveAttributeAsync("data-status", "Consented");

        var receiver = await SignedInAsync(_app, browser, parties.B.Email);
        await receiver.GotoAsync("/organisation/handovers");
        await Assertions.Expect(receiver.Locator("h1")).ToHaveTextAsync("Hand-overs");
        await AssertAccessibleAtBothWidthsAsync(receiver);
        await receiver.GetByRole(AriaRole.Button, new() { Name = "Accept" }).PressAsync("Enter");
        await Assertions.Expect(receiver.Locator(".handover")).ToHaveAttributeAsync("data-status", "Accepted", new() { Timeout = 20_000 });
        await Assertions.Expect(receiver.Locator(".handover")).ToContainTextAsync(parties.BColleague.DisplayName);
        await AssertAccessibleAtBothWidthsAsync(receiver);
        await receiver.GetByRole(AriaRole.Button, new() { Name = "They have met: complete the hand-over" }).PressAsync("Enter");
        await Assertions.Expect(receiver.Locator(".handover")).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = 20_000 });

        await youth.ReloadAsync();
        await Assertions.Expect(youth.Locator(".handover .handover-status")).ToHaveTextAsync("Done: you met your new contact person");
        await AssertAccessibleAtBothWidthsAsync(youth);
    }
}
