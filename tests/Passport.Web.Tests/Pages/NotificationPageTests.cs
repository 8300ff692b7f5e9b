using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Passport.Application.Notifications;
using Passport.Data.Database;
using Passport.Data.Notifications;
using Passport.Web.Tests.Hosting;
using static Passport.Web.Tests.Pages.SprintPages;

namespace Passport.Web.Tests.Pages;

/// <summary>
/// The notification centre in a real browser at 320 px: the header bell counts unread messages and follows a new one
/// live, the list marks unread in words, and the channel form keeps the choice; checked with axe.
/// </summary>
[Collection(SqliteWebCollection.Name)]
public sealed class NotificationPageTests(SqliteWebAppFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly PassportApp _app = fixture.App;

    [Fact]
    public async Task Notifications_BellFollowsLiveAndThePersonReadsAndChoosesChannels()
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(_app);
        Guid personId;
        using (client)
        {
            personId = (await client.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
        }

        var first = await AddAsync(personId, "Your appointment is tomorrow", "/appointments", DateTimeOffset.UtcNow.AddMinutes(-1));
        var page = await SignedInAsync(_app, browser, email);
        await page.GotoAsync("/sprints");
        var bell = page.Locator("a[data-notification-badge]");
        await Assertions.Expect(bell).ToHaveAccessibleNameAsync("Notifications 1 unread");

        // A new message reaches the open page without a reload.
        await AddAsync(personId, "Sam is your new contact person", "/my-people", DateTimeOffset.UtcNow);
        _app.Services.GetRequiredService<INotificationPush>().Changed(personId);
        await Assertions.Expect(bell.Locator("[data-notification-number]")).ToHaveTextAsync("2", new() { Timeout = 20_000 });

        await bell.ClickAsync();
        await page.WaitForURLAsync("**/notifications");
        var items = page.Locator(".notification-list > li");
        await Assertions.Expect(items).ToHaveCountAsync(2);
        await Assertions.Expect(items.First.Locator("h3")).ToHaveTextAsync("New: Sam is your new contact person");
        await Assertions.Expect(page.Locator($"li[data-notification='{first}'] a")).ToHaveAttributeAsync("href", "/appointments");
        await AssertAccessibleAtBothWidthsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as read – Your appointment is tomorrow" }).ClickAsync();
        await page.WaitForURLAsync("**/notifications?done=read");
        await Assertions.Expect(page.Locator($"li[data-notification='{first}'] h3")).ToHaveTextAsync("Your appointment is tomorrow");
        await Assertions.Expect(bell).ToHaveAccessibleNameAsync("Notifications 1 unread");

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
        await page.WaitForURLAsync("**/notifications?done=all-read");
        await Assertions.Expect(bell).ToHaveAccessibleNameAsync("Notifications");
        await Assertions.Expect(page.Locator(".notification-new")).ToHaveCountAsync(0);

        // By keyboard: untick e-mail and save.
        await page.Locator("#email").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my choice" }).ClickAsync();
        await page.WaitForURLAsync("**/notifications?done=channels*");
        await Assertions.Expect(page.Locator("#inApp")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#email")).Not.ToBeCheckedAsync();
        await AssertAccessibleAtBothWidthsAsync(page);
        Assert.Equal(new NotificationChannels(true, false), await ChannelsAsync(personId));
    }

    [Fact]
    public async Task Notifications_SignedOut_GoesToSignIn()
    {
        var page = await browser.NewPageAsync(_app.Address);
        await page.GotoAsync("/notifications");
        await page.WaitForURLAsync("**/account/signin**");
        await Assertions.Expect(page.Locator("a[data-notification-badge]")).ToHaveCountAsync(0);
    }

    private async Task<Guid> AddAsync(Guid personId, string title, string link, DateTimeOffset at)
    {
        var id = Guid.NewGuid();
        var database = _app.Services.GetRequiredService<PassportDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Passport.Data.Notifications.Notifications.AddAsync(
            connection, transaction, new NewNotification(id, personId, "test", title, "More about it.", link, at), CancellationToken.None);
        await transaction.CommitAsync();
        return id;
    }

    private async Task<NotificationChannels> ChannelsAsync(Guid personId)
    {
        var database = _app.Services.GetRequiredService<PassportDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        return await Passport.Data.Notifications.Notifications.ChannelsAsync(connection, null, personId, CancellationToken.None);
    }
}
