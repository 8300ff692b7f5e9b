using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Passport.Data.Database;
using Passport.Testing;
using Passport.Web.Tests.Hosting;

namespace Passport.Web.Tests.Sprints;

/// <summary>
/// The server's clock, end to end: a host whose content has one extra sprint of 3-second timed items (the
/// shortest limit content allows), so a test can let the time run out while it waits for the server's push.
/// </summary>
public sealed class TimedItemTests
{
    [Fact]
    public async Task SubmitAnswer_AfterTheTimeLimit_IsRefusedAndTheNextItemComes()
    {
        var content = Directory.CreateTempSubdirectory("passport-content-").FullName;
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "content"), content);
        await File.WriteAllTextAsync(Path.Combine(content, "sprints", "quick-test.json"), QuickSprint());
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        await using var app = new PassportApp(database, new Dictionary<string, string?>
        {
            ["Content:Path"] = content,
            ["Sprints:TimeLimitGrace"] = "00:00:00",
        });
        app.StartServer();

        var (client, email) = await Hosting.Accounts.NewJobSeekerAsync(app);
        await using var player = await SprintPlayer.ConnectAsync(app, await app.LoginAsync(email, Hosting.Accounts.Password));
        var sessionId = (await player.StartAsync("quick-test")).GetProperty("sessionId").GetString()!;
        var first = await player.NextAsync("ItemPresented");
        Assert.Equal("timed", first.GetProperty("kind").GetString());
        Assert.Equal(3000, first.GetProperty("timeLimitMs").GetInt32());

        // Nobody answers: when the time is up the server itself presents the next item.
        var second = await player.NextAsync("ItemPresented");
        var late = await Assert.ThrowsAsync<HubException>(() =>
            player.SubmitAsync(sessionId, first.GetProperty("itemId").GetString()!, SprintPlayer.AnswerFor(first)));

        Assert.NotEqual(first.GetProperty("itemId").GetString(), second.GetProperty("itemId").GetString());
        Assert.EndsWith("Time was up for this question. Here comes the next one.", late.Message, StringComparison.Ordinal);
        var passport = await client.GetFromJsonAsync<JsonElement>("/api/me/passport");
        Assert.Equal(0, passport.GetProperty("xp").GetInt32());
        client.Dispose();
        Directory.Delete(content, recursive: true);
    }

    internal static void CopyDirectory(string source, string target)
    {
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(source, target, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(source, target, StringComparison.Ordinal));
        }
    }

    internal static string QuickSprint()
    {
        static object Text(string text) => new { en = text, nl = text, da = text, nb = text };
        var items = Enumerable.Range(1, 3).Select(index => new
        {
            id = $"quick-test-{index:00}",
            skill = "teamwork",
            kind = "timed",
            timeLimitMs = 3000,
            prompt = Text($"Quick question {index}"),
            irt = new { model = "2pl", a = 1.2, b = new[] { -0.5 + (index * 0.5) } },
            options = new[] { new { id = "a", text = Text("Yes"), score = 1 }, new { id = "b", text = Text("No"), score = 0 } },
        });
        return JsonSerializer.Serialize(new
        {
            id = "quick-test",
            title = Text("Quick test"),
            description = Text("Three fast questions."),
            skills = new[] { "teamwork" },
            estimatedMinutes = 1,
            maxItems = 3,
            targetStandardError = 0.2,
            items,
        });
    }
}
