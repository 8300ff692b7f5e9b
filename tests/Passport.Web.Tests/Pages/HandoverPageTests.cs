using Microsoft.Playwright;
using Passport.Web.Tests.Handovers;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// A warm hand-over in a real browser at 320 px, by keyboard: the contact person proposes it on the person's page, the
/// young person reads the note and says yes (after the confirmation tick), the receiving organisation accepts naming a
/// contact person and records the meeting. Every page passes axe.
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

    [Fact]
    public async Task ProposeHandover_EmptyThenFilledByKeyboardAt320_YouthSeesTheNote()
    {
        var parties = await HandoverParties.CreateAsync(_app);
        using var _ = parties;
        await parties.AddStepAsync("Find a course");
        await parties.AddStepAsync("Stays at home");

        var coach = await SignedInAsync(_app, browser, parties.A.Email);
        await coach.SetViewportSizeAsync(320, 720);
        await coach.GotoAsync($"/people/{parties.YouthId}/plan");
        await coach.GetByRole(AriaRole.Link, new() { Name = "Hand over to another organisation" }).FocusAsync();
        await coach.Keyboard.PressAsync("Enter");
        await Assertions.Expect(coach.Locator("h1")).ToHaveTextAsync("Hand over to another organisation", new() { Timeout = 20_000 });
        await AssertAccessibleAtBothWidthsAsync(coach);

        await coach.GetByRole(AriaRole.Button, new() { Name = "Send the hand-over" }).PressAsync("Enter");
        var summary = coach.Locator("#handover-errors");
        await Assertions.Expect(summary).ToBeFocusedAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(summary).ToContainTextAsync("Choose the organisation that takes over.");
        await Assertions.Expect(summary).ToContainTextAsync("Write what has been done so far.");
        await Assertions.Expect(summary).ToContainTextAsync("Write what the young person wants.");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", $"/people/{parties.YouthId}/handover#receivingOrganisationId");
        await AssertAccessibleAtBothWidthsAsync(coach);

        var receiver = coach.GetByLabel("Which organisation takes over?");
        await receiver.SelectOptionAsync(parties.B.OrganisationId.ToString());
        await receiver.FocusAsync();
        await coach.Keyboard.PressAsync("Tab");
        await Assertions.Expect(coach.Locator(":focus")).ToHaveAttributeAsync("id", "note.done");
        await coach.Keyboard.TypeAsync("We wrote your CV together.");
        await coach.Keyboard.PressAsync("Tab");
        await coach.Keyboard.TypeAsync("A course in logistics.");
        await coach.Keyboard.PressAsync("Tab");
        await coach.Keyboard.TypeAsync("Mornings are hard.");
        await coach.Keyboard.PressAsync("Tab");
        await Assertions.Expect(coach.Locator(":focus")).ToHaveAttributeAsync("type", "checkbox");
        await coach.Keyboard.PressAsync("Space");
        await coach.Keyboard.PressAsync("Tab");
        await coach.Keyboard.PressAsync("Tab");
        await Assertions.Expect(coach.Locator(":focus")).ToHaveAttributeAsync("type", "submit");
        await coach.Keyboard.PressAsync("Enter");
        await Assertions.Expect(coach.Locator("#handover-saved")).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(coach.Locator(".handover")).ToHaveAttributeAsync("data-status", "Proposed");
        await AssertAccessibleAtBothWidthsAsync(coach);

        var youth = await SignedInAsync(_app, browser, parties.YouthEmail);
        await youth.GotoAsync("/my-handovers");
        var handover = youth.Locator(".handover");
        await Assertions.Expect(handover).ToContainTextAsync("We wrote your CV together.");
        await Assertions.Expect(handover).ToContainTextAsync("Mornings are hard.");
        await Assertions.Expect(handover).ToContainTextAsync("Find a course");
        await Assertions.Expect(handover).Not.ToContainTextAsync("Stays at home");
    }
}
