using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Passport.Data.Database;
using Passport.Testing;
using Passport.Web.Sprints;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Sprints;

/// <summary>A host that stops while players are connected: they are told to go elsewhere and continue there.</summary>
public abstract class SprintHandOffTests(StorageProvider provider)
{
    [Fact]
    public async Task HostStopping_TellsConnectedPlayersToReconnect_AndTheyContinueOnAnotherHost()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var leaving = new PassportApp(database);
        leaving.StartServer();
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(leaving);
        var token = await leaving.LoginAsync(email, Hosting.Accounts.Password);
        await using var player = await SprintPlayer.ConnectAsync(leaving, token);
        var started = await player.StartAsync("fix-it");
        var sessionId = started.GetProperty("sessionId").GetString()!;

        // Played on from the replies to an item without a clock, so no time runs out while the other host starts.
        var item = started.GetProperty("current");
        while (item.GetProperty("kind").GetString() == "timed")
        {
            item = (await player.SubmitAsync(sessionId, item.GetProperty("itemId").GetString()!, SprintPlayer.AnswerFor(item))).GetProperty("next");
        }

        var stopping = Task.Run(leaving.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication);
        var told = await player.UntilAsync("ServerLeaving");

        // What the event asks: close this connection (the host waits for that), connect again (here to another host
        // on the same database) and resume.
        await player.Connection.StopAsync();
        await stopping;
        Assert.Equal([sessionId], told.GetProperty("sessions").EnumerateArray().Select(session => session.GetString()));
        await using var staying = new PassportApp(database);
        staying.StartServer();
        await using var again = await SprintPlayer.ConnectAsync(staying, token);
        var resumed = await again.Connection.InvokeAsync<JsonElement>("ResumeSprint", sessionId);
        var itemId = item.GetProperty("itemId").GetString()!;
        var answered = await again.SubmitAsync(sessionId, itemId, SprintPlayer.AnswerFor(item));

        Assert.Equal(itemId, resumed.GetProperty("current").GetProperty("itemId").GetString());
        Assert.Equal(itemId, answered.GetProperty("itemId").GetString());
        Assert.Equal(JsonValueKind.Object, answered.GetProperty("next").ValueKind);
        client.Dispose();
    }

    [Fact]
    public async Task HostLeaving_NewConnection_IsToldToConnectAgainAndItsCallsAreRefused()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new PassportApp(database);
        app.StartServer();
        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(app);
        var token = await app.LoginAsync(email, Hosting.Accounts.Password);

        // Between the start of stopping and the server's last request, the hub turns new players away.
        await app.Services.GetRequiredService<SprintConnections>().LeaveAsync(SprintHandOff.Patience);
        await using var late = await SprintPlayer.ConnectAsync(app, token, "nl");
        var told = await late.NextAsync("ServerLeaving");
        var refused = await Assert.ThrowsAsync<HubException>(() => late.StartAsync("fix-it"));

        Assert.Empty(told.GetProperty("sessions").EnumerateArray());
        Assert.EndsWith("Deze server start opnieuw. Maak opnieuw verbinding om verder te gaan waar je was.", refused.Message, StringComparison.Ordinal);
        client.Dispose();
    }
}

public sealed class SqliteSprintHandOffTests() : SprintHandOffTests(StorageProvider.Sqlite);

[Trait("Category", "Postgres")]
public sealed class PostgresSprintHandOffTests() : SprintHandOffTests(StorageProvider.Postgres);
