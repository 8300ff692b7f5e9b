using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Passport.Application.Notifications;
using Passport.Data.Database;
using Passport.Data.Notifications;
using Passport.Web.Tests.Accounts;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Notifications;

/// <summary>
/// The notification centre: a person reads, counts and marks only their own messages, chooses their channels, and an
/// open connection to <c>/hubs/notifications</c> hears the unread count as soon as it changes.
/// </summary>
public abstract class NotificationsApiTests(WebAppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private PassportApp App => fixture.App;

    [Fact]
    public async Task List_OwnNotifications_NewestFirstWithUnreadCount()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (person)
        {
            var older = await AddAsync(personId, "First message", DateTimeOffset.UtcNow.AddMinutes(-5), "/appointments");
            var newer = await AddAsync(personId, "Second message", DateTimeOffset.UtcNow);

            var list = (await person.GetFromJsonAsync<JsonElement>("/api/me/notifications")).EnumerateArray().ToList();
            Assert.Equal([newer, older], list.Select(item => item.GetProperty("id").GetGuid()));
            Assert.Equal("Second message", list[0].GetProperty("title").GetString());
            Assert.Equal("/appointments", list[1].GetProperty("link").GetString());
            Assert.All(list, item => Assert.False(item.GetProperty("read").GetBoolean()));
            Assert.Equal(2, await UnreadAsync(person));
        }
    }

    [Fact]
    public async Task List_Paged_LinksTheNextPage()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (person)
        {
            var now = DateTimeOffset.UtcNow;
            for (var index = 0; index < 3; index++)
            {
                await AddAsync(personId, $"Message {index}", now.AddMinutes(index));
            }

            using var response = await person.GetAsync("/api/me/notifications?pageSize=2");
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(["Message 2", "Message 1"], page.EnumerateArray().Select(item => item.GetProperty("title").GetString()));
            Assert.Contains("rel=\"next\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
            using var bad = await person.GetAsync("/api/me/notifications?pageSize=0");
            await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task MarkRead_OneThenAll_CountFallsToZero()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (person)
        {
            var first = await AddAsync(personId, "One", DateTimeOffset.UtcNow);
            await AddAsync(personId, "Two", DateTimeOffset.UtcNow.AddSeconds(1));
            await AddAsync(personId, "Three", DateTimeOffset.UtcNow.AddSeconds(2));

            using var read = await person.PostAsync($"/api/me/notifications/{first}/read", null);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var body = await read.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(body.GetProperty("read").GetBoolean());
            Assert.Equal(2, await UnreadAsync(person));

            using var again = await person.PostAsync($"/api/me/notifications/{first}/read", null);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(body.GetProperty("readAt").GetDateTimeOffset(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readAt").GetDateTimeOffset());

            using var all = await person.PostAsync("/api/me/notifications/read-all", null);
            Assert.Equal(HttpStatusCode.OK, all.StatusCode);
            Assert.Equal(0, await UnreadAsync(person));
            Assert.All((await person.GetFromJsonAsync<JsonElement>("/api/me/notifications")).EnumerateArray(), item => Assert.True(item.GetProperty("read").GetBoolean()));
        }
    }

    [Fact]
    public async Task MarkRead_AnotherPersonsNotification_Returns404AndLeavesItUnread()
    {
        var (owner, ownerId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        var (stranger, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (owner)
        using (stranger)
        {
            var id = await AddAsync(ownerId, "Only for the owner", DateTimeOffset.UtcNow);

            using var foreign = await stranger.PostAsync($"/api/me/notifications/{id}/read", null);
            await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.NotFound);
            using var unknown = await stranger.PostAsync($"/api/me/notifications/{Guid.NewGuid()}/read", null);
            await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
            using var readAll = await stranger.PostAsync("/api/me/notifications/read-all", null);
            Assert.Equal(HttpStatusCode.OK, readAll.StatusCode);

            Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/me/notifications")).EnumerateArray());
            Assert.Equal(1, await UnreadAsync(owner));
        }
    }

    [Fact]
    public async Task Routes_WithoutSignIn_Return401()
    {
        using var anonymous = App.CreateClient();
        using var list = await anonymous.GetAsync("/api/me/notifications");
        using var count = await anonymous.GetAsync("/api/me/notifications/unread-count");
        using var read = await anonymous.PostAsync($"/api/me/notifications/{Guid.NewGuid()}/read", null);
        using var readAll = await anonymous.PostAsync("/api/me/notifications/read-all", null);
        using var channels = await anonymous.GetAsync("/api/me/notification-channels");
        using var setChannels = await anonymous.PutAsJsonAsync("/api/me/notification-channels", new { inApp = true, email = true });
        Assert.All([list, count, read, readAll, channels, setChannels], response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
    }

    [Fact]
    public async Task Channels_RoundTrip_DefaultBothThenTheChoice()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (person)
        {
            var initial = await person.GetFromJsonAsync<JsonElement>("/api/me/notification-channels");
            Assert.True(initial.GetProperty("inApp").GetBoolean());
            Assert.True(initial.GetProperty("email").GetBoolean());

            using var set = await person.PutAsJsonAsync("/api/me/notification-channels", new { inApp = true, email = false });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            var stored = await person.GetFromJsonAsync<JsonElement>("/api/me/notification-channels");
            Assert.True(stored.GetProperty("inApp").GetBoolean());
            Assert.False(stored.GetProperty("email").GetBoolean());

            // What writers of reminders and notices read, in their transaction.
            var database = App.Services.GetRequiredService<PassportDatabase>();
            await using var connection = await database.OpenConnectionAsync();
            Assert.Equal(new NotificationChannels(true, false), await Passport.Data.Notifications.Notifications.ChannelsAsync(connection, null, personId, CancellationToken.None));

            using var none = await person.PutAsJsonAsync("/api/me/notification-channels", new { inApp = false, email = false });
            Assert.Equal(HttpStatusCode.OK, none.StatusCode);
            Assert.False((await person.GetFromJsonAsync<JsonElement>("/api/me/notification-channels")).GetProperty("inApp").GetBoolean());
        }
    }

    [Theory]
    [InlineData("{\"inApp\":true}")]
    [InlineData("{\"email\":false}")]
    [InlineData("{}")]
    [InlineData("{\"inApp\":\"yes\",\"email\":true}")]
    [InlineData("[true,false]")]
    [InlineData("not json")]
    public async Task Channels_BadBody_Returns400ProblemAndKeepsTheChoice(string body)
    {
        var (person, _) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (person)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await person.PutAsync("/api/me/notification-channels", content);
            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
            var stored = await person.GetFromJsonAsync<JsonElement>("/api/me/notification-channels");
            Assert.True(stored.GetProperty("inApp").GetBoolean());
            Assert.True(stored.GetProperty("email").GetBoolean());
        }
    }

    [Fact]
    public async Task Hub_NotificationAddedAndRead_PushesTheUnreadCount()
    {
        var (person, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        using (person)
        {
            var personId = (await person.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
            var counts = Channel.CreateUnbounded<int>();
            await using var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(App.Address, "/hubs/notifications"), options => options.AccessTokenProvider = async () => await App.LoginAsync(email, Hosting.Accounts.Password))
                .Build();
            connection.On<int>("UnreadChanged", count => counts.Writer.WriteAsync(count).AsTask());
            await connection.StartAsync();
            Assert.Equal(0, await NextAsync(counts));

            var id = await AddAsync(personId, "You have an appointment tomorrow", DateTimeOffset.UtcNow);
            App.Services.GetRequiredService<INotificationPush>().Changed(personId);
            Assert.Equal(1, await NextAsync(counts));

            using var read = await person.PostAsync($"/api/me/notifications/{id}/read", null);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(0, await NextAsync(counts));
        }
    }

    [Fact]
    public async Task Hub_AnotherPersonsChange_IsNotPushed()
    {
        var (watcher, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        var (other, otherId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (watcher)
        using (other)
        {
            var watcherId = (await watcher.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("id").GetGuid();
            var counts = Channel.CreateUnbounded<int>();
            await using var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(App.Address, "/hubs/notifications"), options => options.AccessTokenProvider = async () => await App.LoginAsync(email, Hosting.Accounts.Password))
                .Build();
            connection.On<int>("UnreadChanged", count => counts.Writer.WriteAsync(count).AsTask());
            await connection.StartAsync();
            Assert.Equal(0, await NextAsync(counts));

            var push = App.Services.GetRequiredService<INotificationPush>();
            await AddAsync(otherId, "Not for the watcher", DateTimeOffset.UtcNow);
            push.Changed(otherId);
            // The watcher's own change comes after the other's; had the other's reached them, it would come first.
            await AddAsync(watcherId, "For the watcher", DateTimeOffset.UtcNow);
            push.Changed(watcherId);
            Assert.Equal(1, await NextAsync(counts));
        }
    }

    [Fact]
    public async Task Hub_WithoutSignIn_IsRefused()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(App.Address, "/hubs/notifications")).Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Hub_PageCookieFromAnotherSite_IsRefused()
    {
        var (person, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        person.Dispose();
        using var browser = PageForms.NewBrowserlikeClient(App);
        using (var signedIn = await PageForms.SignInAsync(browser, email, Hosting.Accounts.Password))
        {
            Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        }

        async Task<HttpStatusCode> NegotiateAsync(string? origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/notifications/negotiate?negotiateVersion=1");
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            using var response = await browser.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(null));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(App.Address.GetLeftPart(UriPartial.Authority)));
        Assert.Equal(HttpStatusCode.Unauthorized, await NegotiateAsync("https://evil.example"));
    }

    [Fact]
    public async Task Export_WithNotificationsAndChannels_HoldsThem()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (person)
        {
            var id = await AddAsync(personId, "Your coach changed", DateTimeOffset.UtcNow, "/my-people");
            using (await person.PutAsJsonAsync("/api/me/notification-channels", new { inApp = false, email = true }))
            {
            }

            var export = (await person.GetFromJsonAsync<JsonElement>("/api/me/export")).GetProperty("notifications");
            var message = Assert.Single(export.GetProperty("messages").EnumerateArray());
            Assert.Equal(id, message.GetProperty("id").GetGuid());
            Assert.Equal("Your coach changed", message.GetProperty("title").GetString());
            Assert.False(export.GetProperty("channels").GetProperty("inApp").GetBoolean());
            Assert.True(export.GetProperty("channels").GetProperty("email").GetBoolean());
        }
    }

    [Fact]
    public async Task Erase_WithNotificationsAndChannels_LeavesNoRows()
    {
        var (person, personId) = await Hosting.Accounts.NewJobSeekerWithIdAsync(App);
        using (person)
        {
            await AddAsync(personId, "Soon gone", DateTimeOffset.UtcNow);
            using (await person.PutAsJsonAsync("/api/me/notification-channels", new { inApp = true, email = false }))
            {
            }

            using var erased = await Hosting.Accounts.EraseAsync(person);
            Assert.True(erased.IsSuccessStatusCode, $"erasure answered {erased.StatusCode}");

            var database = App.Services.GetRequiredService<PassportDatabase>();
            await using var connection = await database.OpenConnectionAsync();
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM notifications WHERE person_id = @personId", new { personId }));
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM notification_channels WHERE person_id = @personId", new { personId }));
        }
    }

    /// <summary>Stores a message as writers do: inside a transaction on the app's database.</summary>
    private async Task<Guid> AddAsync(Guid personId, string title, DateTimeOffset at, string? link = null)
    {
        var id = Guid.NewGuid();
        var database = App.Services.GetRequiredService<PassportDatabase>();
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Passport.Data.Notifications.Notifications.AddAsync(
            connection, transaction, new NewNotification(id, personId, "test", title, $"Details of {title}", link, at), CancellationToken.None);
        await transaction.CommitAsync();
        return id;
    }

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/me/notifications/unread-count")).GetProperty("unread").GetInt32();

    private static async Task<int> NextAsync(Channel<int> counts)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await counts.Reader.ReadAsync(timeout.Token);
    }
}

[Collection(SqliteWebCollection.Name)]
public sealed class SqliteNotificationsApiTests(SqliteWebAppFixture fixture) : NotificationsApiTests(fixture);

[Collection(PostgresWebCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresNotificationsApiTests(PostgresWebAppFixture fixture) : NotificationsApiTests(fixture);
