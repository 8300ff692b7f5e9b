using System.Globalization;
using Passport.Load;

namespace Passport.Faults.Tests;

/// <summary>Players with fresh accounts, spread over the hosts, playing until stopped.</summary>
internal sealed class Team : IAsyncDisposable
{
    private readonly List<Player> _players;

    private Team(string runId, IReadOnlyList<string> tokens, List<Player> players, AcknowledgedAnswers acknowledged, FaultLog log)
    {
        RunId = runId;
        Tokens = tokens;
        _players = players;
        Acknowledged = acknowledged;
        Log = log;
    }

    public string RunId { get; }
    public IReadOnlyList<string> Tokens { get; }
    public IReadOnlyList<Player> Players => _players;
    public AcknowledgedAnswers Acknowledged { get; }
    public FaultLog Log { get; }

    /// <summary>The e-mail address of player <paramref name="index"/>, as <see cref="Accounts"/> signed it up.</summary>
    public string Email(int index) => string.Create(CultureInfo.InvariantCulture, $"load-{RunId}-{index}@load.test");

    public static async Task<Team> PlayAsync(FaultCluster cluster, int size)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var runId = Guid.NewGuid().ToString("N")[..12];
        using var http = new HttpClient { BaseAddress = cluster.Hosts[0], Timeout = TimeSpan.FromMinutes(2) };
        var tokens = await Accounts.CreateAsync(http, size, concurrency: 4, runId, CancellationToken.None);
        var sprints = await Accounts.SprintIdsAsync(http, CancellationToken.None);
        var acknowledged = new AcknowledgedAnswers();
        var log = new FaultLog();
        var players = tokens.Select((token, index) => new Player(index, token, cluster.Hosts, sprints, acknowledged, log)).ToList();
        var team = new Team(runId, tokens, players, acknowledged, log);
        await Task.WhenAll(players.Select(player => player.StartAsync()));
        return team;
    }

    /// <summary>Completes once every player was given an item after <paramref name="since"/>: everyone is playing again.</summary>
    public async Task EveryonePlayingAfterAsync(DateTimeOffset since, TimeSpan timeout)
    {
        try
        {
            await Passport.Testing.Eventually.HoldsAsync(
                () => Task.FromResult(_players.Count(player => !PlayingAfter(player, since))),
                waiting => waiting == 0, timeout, "every player given an item after the fault");
        }
        catch (TimeoutException exception)
        {
            var stuck = _players.Select((player, index) => (player, index)).Where(entry => !PlayingAfter(entry.player, since))
                .Select(entry => $"player {entry.index} on host {entry.player.Host + 1}");
            throw new TimeoutException($"{exception.Message}{Environment.NewLine}Waiting: {string.Join(", ", stuck)}" +
                $"{Environment.NewLine}Players' errors:{Environment.NewLine}{Log}", exception);
        }
    }

    /// <summary>The longest a player waited for the server after <paramref name="from"/>, and who.</summary>
    public (TimeSpan Wait, int Player) LongestWaitAfter(DateTimeOffset from, IEnumerable<int>? only = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var chosen = only?.ToHashSet() ?? [.. Enumerable.Range(0, _players.Count)];
        return _players.Select((player, index) => (Wait: player.Waits.Select(wait => wait.After(from, now)).DefaultIfEmpty().Max(), Player: index))
            .Where(entry => chosen.Contains(entry.Player))
            .MaxBy(entry => entry.Wait);
    }

    public Task StopAsync() => Task.WhenAll(_players.Select(player => player.StopAsync()));

    public async ValueTask DisposeAsync()
    {
        foreach (var player in _players)
        {
            await player.DisposeAsync();
        }
    }

    private static bool PlayingAfter(Player player, DateTimeOffset since) =>
        player.Waits.Any(wait => wait.Until is { } until && until > since);
}
