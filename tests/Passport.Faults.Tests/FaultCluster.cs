using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Passport.Load;

namespace Passport.Faults.Tests;

/// <summary>
/// Three hosts on PostgreSQL and Redis, started by <c>scripts/cluster.sh</c> in a folder of their own and removed
/// afterwards. Each test leaves the cluster whole again (<see cref="MakeWholeAsync"/>) for the next.
/// </summary>
public sealed class FaultCluster : IAsyncLifetime
{
    public const int HostCount = 3;

    /// <summary>The hosts' <c>Orleans:ShutdownTimeout</c>: a host whose membership table is gone cannot say goodbye, so not the default 30 s.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    private ClusterScript? _script;
    private string _hostDll = "";

    internal ClusterScript Script => _script ?? throw new InvalidOperationException("The cluster has not started.");
    public IReadOnlyList<Uri> Hosts { get; private set; } = [];
    public string Postgres { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var root = Machine.RepositoryRoot();
        // The host of the same build as these tests: bin/<Configuration>/net10.0 of Passport.Web.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        _hostDll = Path.Combine(root, "src", "Passport.Web", "bin", configuration, "net10.0", "Passport.Web.dll");
        _script = new ClusterScript(root, Directory.CreateTempSubdirectory("passport-faults-").FullName);
        await _script.UpAsync(HostCount, _hostDll,
        [
            // Every player signs up from this one address.
            "RateLimits__AuthPermitsPerMinute=1000000",
            "Sprints__ReplayCooldown=00:00:00",
            $"Orleans__ShutdownTimeout={ShutdownTimeout:c}",
        ]);
        var environment = await _script.EnvironmentAsync();
        Hosts = [.. environment["PASSPORT_CLUSTER_HOSTS"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(url => new Uri(url))];
        // Unpooled: a pooled connection would not survive the database's restart in the outage test.
        Postgres = environment["PASSPORT_CLUSTER_POSTGRES"] + ";Pooling=false";
    }

    /// <summary>Starts every part that is not running (after a test that stopped one, or failed half-way).</summary>
    internal Task MakeWholeAsync() => Script.UpAsync(HostCount, _hostDll, []);

    /// <summary>The active silos as host <paramref name="host"/> sees them, or the status code it answered instead.</summary>
    internal async Task<(int Status, IReadOnlyList<string> Silos)> ClusterSeenByAsync(int host)
    {
        using var http = new HttpClient { BaseAddress = Hosts[host], Timeout = TimeSpan.FromSeconds(20) };
        using var login = await http.PostAsJsonAsync(new Uri("api/auth/login", UriKind.Relative), new { email = "admin@demo.test", password = "Passport-demo-1" });
        login.EnsureSuccessStatusCode();
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/admin/cluster", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.RootElement.GetProperty("accessToken").GetString());
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            return ((int)response.StatusCode, []);
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, [.. body.RootElement.GetProperty("silos").EnumerateArray()
            .Where(silo => silo.GetProperty("status").GetString() == "Active")
            .Select(silo => silo.GetProperty("address").GetString()!)
            .Order(StringComparer.Ordinal)]);
    }

    /// <summary>Stops the cluster and deletes its folder, unless PASSPORT_FAULTS_KEEP=1 asks to keep it (and its logs) for a look.</summary>
    /// <summary>The status <c>/health/ready</c> of host <paramref name="host"/> answers.</summary>
    internal async Task<int> ReadinessOfAsync(int host)
    {
        using var http = new HttpClient { BaseAddress = Hosts[host], Timeout = TimeSpan.FromSeconds(20) };
        using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
        return (int)response.StatusCode;
    }

    public async Task DisposeAsync()
    {
        if (_script is not null)
        {
            await _script.DownAsync(purge: Environment.GetEnvironmentVariable("PASSPORT_FAULTS_KEEP") != "1");
        }
    }
}
