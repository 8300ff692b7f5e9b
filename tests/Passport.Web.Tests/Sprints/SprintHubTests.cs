using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Sprints;

[Collection(SqliteWebCollection.Name)]
public sealed class SprintHubTests(SqliteWebAppFixture fixture)
{
    private PassportApp App => fixture.App;

    [Fact]
    public async Task DemoYouth_PlaysASprintGenerically_GetsScoresResultAndPassportEvidence()
    {
        var token = await App.LoginAsync("youth@demo.test");
        await using var player = await SprintPlayer.ConnectAsync(App, token);

        var started = await player.StartAsync("team-shift");
        var sessionId = started.GetProperty("sessionId").GetString()!;
        var (scored, completed) = await player.PlayToEndAsync(sessionId);

        Assert.Equal("team-shift", started.GetProperty("sprintId").GetString());
        Assert.Equal(sessionId, started.GetProperty("current").GetProperty("sessionId").GetString());
        Assert.InRange(scored.Count, 1, started.GetProperty("maxItems").GetInt32());
        Assert.All(scored, ack => Assert.True(ack.GetProperty("xp").GetInt32() > 0));
        var skills = completed.GetProperty("skills").EnumerateArray().ToList();
        Assert.Equal(["teamwork", "communication"], skills.Select(skill => skill.GetProperty("skillId").GetString()).Order().Reverse());
        Assert.All(skills, skill => Assert.InRange(skill.GetProperty("standardError").GetDouble(), 0.05, 0.99));
        Assert.All(skills, skill => Assert.False(string.IsNullOrWhiteSpace(skill.GetProperty("strength").GetString())));
        Assert.Equal(scored[^1].GetProperty("totalXp").GetInt32() + 50, completed.GetProperty("totalXp").GetInt32());

        using var client = await App.CreateClientForAsync("youth@demo.test");
        var passport = await client.GetFromJsonAsync<JsonElement>("/api/me/passport");
        var teamwork = passport.GetProperty("skills").EnumerateArray().Single(skill => skill.GetProperty("skillId").GetString() == "teamwork");
        Assert.True(teamwork.GetProperty("evidenceCount").GetInt32() > 0);
        Assert.InRange(teamwork.GetProperty("level").GetInt32(), 1, 5);
        Assert.Equal(completed.GetProperty("totalXp").GetInt32(), passport.GetProperty("xp").GetInt32());
        Assert.Contains("first-sprint", passport.GetProperty("badges").EnumerateArray().Select(badge => badge.GetString()));
    }

    [Fact]
    public async Task TwoSprintsOnTheSameSkill_LowerItsStandardErrorInThePassport()
    {
        var (client, token) = await NewPlayerAsync();
        await using var player = await SprintPlayer.ConnectAsync(App, token);
        await player.PlayToEndAsync((await player.StartAsync("team-shift")).GetProperty("sessionId").GetString()!);
        var first = await TeamworkAsync(client);

        await player.PlayToEndAsync((await player.StartAsync("lead-the-group")).GetProperty("sessionId").GetString()!);
        var second = await TeamworkAsync(client);

        Assert.True(second.GetProperty("standardError").GetDouble() < first.GetProperty("standardError").GetDouble());
        Assert.True(second.GetProperty("evidenceCount").GetInt32() > first.GetProperty("evidenceCount").GetInt32());
        client.Dispose();
    }

    [Fact]
    public async Task SubmitAnswer_SameAnswerAgain_ChangesNeitherXpNorEstimates()
    {
        var (client, token) = await NewPlayerAsync();
        await using var player = await SprintPlayer.ConnectAsync(App, token);
        var sessionId = (await player.StartAsync("customer-counter")).GetProperty("sessionId").GetString()!;
        var item = await player.NextAsync("ItemPresented");
        var answer = SprintPlayer.AnswerFor(item);
        var first = await player.SubmitAsync(sessionId, item.GetProperty("itemId").GetString()!, answer);
        await player.NextAsync("AnswerScored");
        await player.NextAsync("ItemPresented");
        var before = await client.GetFromJsonAsync<JsonElement>("/api/me/passport");

        var again = await player.SubmitAsync(sessionId, item.GetProperty("itemId").GetString()!, answer);

        var after = await client.GetFromJsonAsync<JsonElement>("/api/me/passport");
        Assert.Equal(first.GetProperty("totalXp").GetInt32(), again.GetProperty("totalXp").GetInt32());
        Assert.Equal(before.GetProperty("xp").GetInt32(), after.GetProperty("xp").GetInt32());
        Assert.Equal(before.GetProperty("skills").ToString(), after.GetProperty("skills").ToString());
        client.Dispose();
    }

    [Fact]
    public async Task SubmitAnswer_SomeoneElsesSession_IsRefusedAndTheirSessionGoesOn()
    {
        var (ownerClient, ownerToken) = await NewPlayerAsync();
        var (strangerClient, strangerToken) = await NewPlayerAsync();
        await using var owner = await SprintPlayer.ConnectAsync(App, ownerToken);
        await using var stranger = await SprintPlayer.ConnectAsync(App, strangerToken);
        var sessionId = (await owner.StartAsync("fix-it")).GetProperty("sessionId").GetString()!;
        var item = await owner.NextAsync("ItemPresented");
        var itemId = item.GetProperty("itemId").GetString()!;

        var refused = await Assert.ThrowsAsync<HubException>(() => stranger.SubmitAsync(sessionId, itemId, SprintPlayer.AnswerFor(item)));
        var resume = await Assert.ThrowsAsync<HubException>(() => stranger.Connection.InvokeAsync<JsonElement>("ResumeSprint", sessionId));
        var accepted = await owner.SubmitAsync(sessionId, itemId, SprintPlayer.AnswerFor(item));

        Assert.Equal("This sprint session was not found.", Reason(refused));
        Assert.Equal(Reason(refused), Reason(resume));
        Assert.Equal(itemId, accepted.GetProperty("itemId").GetString());
        ownerClient.Dispose();
        strangerClient.Dispose();
    }

    [Fact]
    public async Task SubmitAnswer_WrongItemOrShape_IsRefusedWithAClearMessageAndTheSessionGoesOn()
    {
        var (client, token) = await NewPlayerAsync();
        await using var player = await SprintPlayer.ConnectAsync(App, token);
        var sessionId = (await player.StartAsync("new-tools")).GetProperty("sessionId").GetString()!;
        var item = await player.NextAsync("ItemPresented");
        var itemId = item.GetProperty("itemId").GetString()!;

        var wrongItem = await Assert.ThrowsAsync<HubException>(() => player.SubmitAsync(sessionId, "no-such-item", SprintPlayer.AnswerFor(item)));
        var wrongShape = await Assert.ThrowsAsync<HubException>(() => player.SubmitAsync(sessionId, itemId, new { colour = "blue" }));
        var twoShapes = await Assert.ThrowsAsync<HubException>(() => player.SubmitAsync(sessionId, itemId, new { choice = "a", value = 3 }));
        var badSession = await Assert.ThrowsAsync<HubException>(() => player.SubmitAsync("not-a-session", itemId, SprintPlayer.AnswerFor(item)));
        var accepted = await player.SubmitAsync(sessionId, itemId, SprintPlayer.AnswerFor(item));

        Assert.Equal("That is not the question being asked now.", Reason(wrongItem));
        Assert.StartsWith("This answer does not fit the question.", Reason(wrongShape), StringComparison.Ordinal);
        Assert.Equal(Reason(wrongShape), Reason(twoShapes));
        Assert.Equal("This sprint session was not found.", Reason(badSession));
        Assert.True(accepted.GetProperty("xp").GetInt32() > 0);
        client.Dispose();
    }

    [Fact]
    public async Task Refusals_FollowTheConnectionsLanguage()
    {
        var (client, token) = await NewPlayerAsync();
        await using var player = await SprintPlayer.ConnectAsync(App, token, "nl");

        var refused = await Assert.ThrowsAsync<HubException>(() => player.StartAsync("no-such-sprint"));
        var started = await player.StartAsync("honest-work");
        var item = await player.NextAsync("ItemPresented");

        Assert.Equal("Er is geen sprint met die naam.", Reason(refused));
        using var english = App.CreateClient();
        var sprints = await english.GetFromJsonAsync<JsonElement>("/api/sprints");
        var englishTitle = sprints.EnumerateArray().Single(sprint => sprint.GetProperty("id").GetString() == "honest-work").GetProperty("title").GetString();
        Assert.NotEqual(englishTitle, started.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("prompt").GetString()));
        client.Dispose();
    }

    [Fact]
    public async Task StartSprint_RightAfterFinishingIt_IsRefusedUntilTheCooldownPasses()
    {
        var (client, token) = await NewPlayerAsync();
        await using var player = await SprintPlayer.ConnectAsync(App, token);
        await player.PlayToEndAsync((await player.StartAsync("plan-the-move")).GetProperty("sessionId").GetString()!);

        var refused = await Assert.ThrowsAsync<HubException>(() => player.StartAsync("plan-the-move"));

        Assert.Contains("15 minutes", refused.Message, StringComparison.Ordinal);
        var passport = await client.GetFromJsonAsync<JsonElement>("/api/me/passport");
        Assert.True(passport.GetProperty("replayableAt").TryGetProperty("plan-the-move", out _));
        client.Dispose();
    }

    [Fact]
    public async Task ResumeSprint_AfterTheConnectionDrops_PresentsTheSameItemAgain()
    {
        var (client, token) = await NewPlayerAsync();
        string sessionId;
        string itemId;
        await using (var first = await SprintPlayer.ConnectAsync(App, token))
        {
            sessionId = (await first.StartAsync("festival-crew")).GetProperty("sessionId").GetString()!;
            itemId = (await first.NextAsync("ItemPresented")).GetProperty("itemId").GetString()!;
        }

        await using var second = await SprintPlayer.ConnectAsync(App, token);
        var resumed = await second.Connection.InvokeAsync<JsonElement>("ResumeSprint", sessionId);
        var again = await second.NextAsync("ItemPresented");

        Assert.Equal("InProgress", resumed.GetProperty("status").GetString());
        Assert.Equal(itemId, again.GetProperty("itemId").GetString());
        Assert.Equal(itemId, resumed.GetProperty("current").GetProperty("itemId").GetString());
        var abandoned = await second.Connection.InvokeAsync<JsonElement>("AbandonSprint", sessionId);
        Assert.Equal("Abandoned", abandoned.GetProperty("status").GetString());
        await Assert.ThrowsAsync<HubException>(() => second.SubmitAsync(sessionId, itemId, SprintPlayer.AnswerFor(again)));
        client.Dispose();
    }

    [Fact]
    public async Task Hub_WithoutATokenOrWithAStaffToken_IsRefused()
    {
        var anonymous = new HubConnectionBuilder().WithUrl(new Uri(App.Address, "/hubs/sprint")).Build();
        var staffToken = await App.LoginAsync("employer@demo.test");
        var staff = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Address, "/hubs/sprint"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(staffToken))
            .Build();

        var noToken = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        var wrongRole = await Assert.ThrowsAsync<HttpRequestException>(() => staff.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        await anonymous.DisposeAsync();
        await staff.DisposeAsync();
    }

    /// <summary>SignalR prefixes a <see cref="HubException"/>'s message with where it happened; this is the part the server wrote.</summary>
    private static string Reason(HubException exception)
    {
        const string marker = "HubException: ";
        var at = exception.Message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? exception.Message : exception.Message[(at + marker.Length)..];
    }

    private async Task<(HttpClient Client, string Token)> NewPlayerAsync()
    {
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(App);
        return (client, await App.LoginAsync(email, Hosting.Accounts.Password));
    }

    private static async Task<JsonElement> TeamworkAsync(HttpClient client)
    {
        var passport = await client.GetFromJsonAsync<JsonElement>("/api/me/passport");
        return passport.GetProperty("skills").EnumerateArray().Single(skill => skill.GetProperty("skillId").GetString() == "teamwork");
    }
}
