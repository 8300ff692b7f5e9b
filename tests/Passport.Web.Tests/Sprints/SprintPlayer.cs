using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Sprints;

/// <summary>
/// A player on the official SignalR client, as a mobile app would be: connects to <c>/hubs/sprint</c> with a
/// bearer token and records every push in order. It answers items generically, from what the push says.
/// </summary>
public sealed class SprintPlayer : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly Channel<(string Name, JsonElement Body)> _events = Channel.CreateUnbounded<(string, JsonElement)>();

    private SprintPlayer(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in new[] { "ItemPresented", "AnswerScored", "SprintCompleted", "ServerLeaving" })
        {
            connection.On<JsonElement>(name, body => _events.Writer.WriteAsync((name, body)).AsTask());
        }
    }

    public HubConnection Connection { get; }

    public static async Task<SprintPlayer> ConnectAsync(PassportApp app, string token, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var url = new Uri(app.Address, "/hubs/sprint" + (language is null ? "" : $"?culture={language}&ui-culture={language}"));
        var connection = new HubConnectionBuilder()
            .WithUrl(url, options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var player = new SprintPlayer(connection);
        await connection.StartAsync();
        return player;
    }

    public async Task<JsonElement> StartAsync(string sprintId) =>
        await Connection.InvokeAsync<JsonElement>("StartSprint", sprintId);

    public async Task<JsonElement> SubmitAsync(string sessionId, string itemId, object answer) =>
        await Connection.InvokeAsync<JsonElement>("SubmitAnswer", sessionId, itemId, answer);

    /// <summary>The next push, which must be <paramref name="name"/>; fails if another comes first or none in time.</summary>
    public async Task<JsonElement> NextAsync(string name)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var (actual, body) = await _events.Reader.ReadAsync(timeout.Token);
        Assert.Equal(name, actual);
        return body;
    }

    /// <summary>The next push named <paramref name="name"/>, passing over any others; fails if none comes in time.</summary>
    public async Task<JsonElement> UntilAsync(string name)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var (actual, body) = await _events.Reader.ReadAsync(timeout.Token);
            if (actual == name)
            {
                return body;
            }
        }
    }

    /// <summary>A valid answer of the item's shape, chosen from what was presented (no knowledge of the key).</summary>
    public static object AnswerFor(JsonElement item, int pick = 0)
    {
        var options = item.GetProperty("options").EnumerateArray().Select(option => option.GetProperty("id").GetString()!).ToList();
        return item.GetProperty("kind").GetString() switch
        {
            "rank" => new { order = pick % 2 == 0 ? options : Enumerable.Reverse(options).ToList() },
            "scale" => new { value = item.GetProperty("scale").GetProperty("min").GetInt32() + (pick % (item.GetProperty("scale").GetProperty("max").GetInt32() - item.GetProperty("scale").GetProperty("min").GetInt32() + 1)) },
            _ => new { choice = options[pick % options.Count] },
        };
    }

    /// <summary>Plays the started session to its end, answering every presented item; returns the answers' acknowledgements and the result.</summary>
    public async Task<(List<JsonElement> Scored, JsonElement Completed)> PlayToEndAsync(string sessionId)
    {
        var scored = new List<JsonElement>();
        var item = await NextAsync("ItemPresented");
        for (var pick = 0; ; pick++)
        {
            Assert.Equal(sessionId, item.GetProperty("sessionId").GetString());
            var ack = await SubmitAsync(sessionId, item.GetProperty("itemId").GetString()!, AnswerFor(item, pick));
            var pushed = await NextAsync("AnswerScored");
            Assert.Equal(ack.GetProperty("itemId").GetString(), pushed.GetProperty("itemId").GetString());
            scored.Add(pushed);

            // The reply carries the same next step as the push, so a client may go on with either.
            if (pushed.GetProperty("progress").GetDouble() >= 1.0)
            {
                var completed = await NextAsync("SprintCompleted");
                Assert.Equal(JsonValueKind.Null, ack.GetProperty("next").ValueKind);
                Assert.Equal(completed.GetProperty("totalXp").GetInt32(), ack.GetProperty("completed").GetProperty("totalXp").GetInt32());
                return (scored, completed);
            }

            Assert.True(scored.Count < item.GetProperty("maxItems").GetInt32(), "the sprint must end at its item limit");
            item = await NextAsync("ItemPresented");
            Assert.Equal(item.GetProperty("itemId").GetString(), ack.GetProperty("next").GetProperty("itemId").GetString());
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
